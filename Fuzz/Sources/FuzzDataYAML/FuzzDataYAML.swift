import FuzzSupport

/// The YAML dataset reader: any bytes read into a rectangular table or end in a located error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDataYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    DatasetChecks.read(FuzzInput.bytes(data, size), format: .yaml)
    return 0
}
