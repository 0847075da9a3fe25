/// A file that ended before the length its response announced.
struct FileShrank: Error, CustomStringConvertible {
    let expected: Int
    let got: Int
    var description: String { "file ended at byte \(got), \(expected) announced" }
}
