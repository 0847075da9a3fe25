extension ImagingError {
    /// A stable category of `ImagingError`, open to new cases without breaking callers
    /// (a struct over a private enum rather than a public enum).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case emptyInput = "empty_input"
            case unsupportedFormat = "unsupported_format"
            case corrupt
            case tooLarge = "too_large"
            case invalidArgument = "invalid_argument"
            case operationFailed = "operation_failed"
            case runtimeUnavailable = "runtime_unavailable"
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// Zero bytes were given.
        public static let emptyInput = Code(.emptyInput)
        /// Not an image, or a format Easel does not accept (e.g. SVG, PDF).
        public static let unsupportedFormat = Code(.unsupportedFormat)
        /// A known format whose header or pixel data is damaged or truncated.
        public static let corrupt = Code(.corrupt)
        /// The header declares more pixels or a longer side than `ImagingLimits` allow.
        public static let tooLarge = Code(.tooLarge)
        /// The caller asked for something impossible (a 0 × 0 image, quality 300 …).
        public static let invalidArgument = Code(.invalidArgument)
        /// libvips failed while processing an image that had decoded fine.
        public static let operationFailed = Code(.operationFailed)
        /// libvips could not be started.
        public static let runtimeUnavailable = Code(.runtimeUnavailable)

        public var description: String { base.rawValue }
    }
}
