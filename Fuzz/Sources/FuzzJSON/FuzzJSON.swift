import FuzzSupport

/// The JSON dataset reader: any bytes read into a rectangular table or end in a located error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    DatasetChecks.read(FuzzInput.bytes(data, size), format: .json)
    return 0
}
