import EaselCore
import NIOCore
import PostgresNIO

// The job vocabulary as PostgreSQL values: statuses as integers, error codes and callback
// states as text. Queries interpolate these (`status = \(JobStatus.queued)` binds a
// parameter), never spell them.

extension JobStatus: PostgresNonThrowingEncodable, PostgresDecodable {
    public static var psqlType: PostgresDataType { .int4 }
    public static var psqlFormat: PostgresFormat { .binary }

    public func encode<E: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<E>) {
        Int32(rawValue).encode(into: &byteBuffer, context: context)
    }

    public init<D: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<D>
    ) throws {
        let raw = try Int(from: &buffer, type: type, format: format, context: context)
        guard let status = JobStatus(rawValue: raw) else { throw PostgresDecodingError.Code.failure }
        self = status
    }
}

/// A vocabulary type stored as its text.
protocol StoredAsText: RawRepresentable, PostgresNonThrowingEncodable, PostgresDecodable where RawValue == String {}

extension StoredAsText {
    public static var psqlType: PostgresDataType { .text }
    public static var psqlFormat: PostgresFormat { .binary }

    public func encode<E: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<E>) {
        rawValue.encode(into: &byteBuffer, context: context)
    }

    public init<D: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<D>
    ) throws {
        let raw = try String(from: &buffer, type: type, format: format, context: context)
        guard let value = Self(rawValue: raw) else { throw PostgresDecodingError.Code.failure }
        self = value
    }
}

extension JobErrorCode: StoredAsText {}
extension CallbackState.Status: StoredAsText {}
