import EaselCore
import GRDB

// The job vocabulary as SQLite values: statuses as their integers, error codes and callback
// states as their strings. Queries bind these (`status = \(JobStatus.queued)` in an SQL
// literal), never spell them.
extension JobStatus: DatabaseValueConvertible {}
extension JobErrorCode: DatabaseValueConvertible {}
extension CallbackState.Status: DatabaseValueConvertible {}
