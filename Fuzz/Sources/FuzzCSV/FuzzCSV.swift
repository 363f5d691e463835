import FuzzSupport

/// The CSV reader: any bytes read into a rectangular table or end in a located error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    DatasetChecks.read(FuzzInput.bytes(data, size), format: .csv)
    return 0
}
