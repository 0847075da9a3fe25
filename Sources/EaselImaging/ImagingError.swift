/// Why an imaging call failed. `code` is for programs, `message` for people: it names what
/// went wrong and, where libvips said why, carries its reason.
public struct ImagingError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: Code
    public let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}

extension ImagingError {
    static func emptyInput() -> Self {
        .init(.emptyInput, "the image is empty (0 bytes)")
    }

    static func unsupportedFormat(_ detail: String) -> Self {
        .init(.unsupportedFormat, detail)
    }

    static func corrupt(_ detail: String) -> Self {
        .init(.corrupt, detail)
    }

    static func tooLarge(_ detail: String) -> Self {
        .init(.tooLarge, detail)
    }

    public static func invalidArgument(_ detail: String) -> Self {
        .init(.invalidArgument, detail)
    }

    static func operationFailed(_ detail: String) -> Self {
        .init(.operationFailed, detail)
    }

    static func runtimeUnavailable(_ detail: String) -> Self {
        .init(.runtimeUnavailable, detail)
    }
}
