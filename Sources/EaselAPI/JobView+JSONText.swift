/// The job views' text, member for member as their `CodingKeys` name them (checked against
/// `JSONEncoder` by `JSONTextTests`).
extension JobView: JSONTextWritable {
    public func write(to json: inout JSONText) {
        json.object { json in
            json.member("job_id", jobID)
            json.member("model", model)
            json.member("status", status.rawValue)
            json.member("progress", progress)
            json.member("queue_position", queuePosition)
            json.member("result", result)
            json.member("error", error)
            json.member("amount", amount)
            json.member("refunded", refunded)
            json.member("engine", engine)
            json.member("attempts", attempts)
            json.member("not_applied", notApplied)
            json.member("actual_prompt", actualPrompt)
            json.member("created_at", createdAt)
            json.member("started_at", startedAt)
            json.member("finished_at", finishedAt)
            json.member("callback", callback)
            json.member("urls", urls)
        }
    }
}

extension JobResultView: JSONTextWritable {
    public func write(to json: inout JSONText) {
        json.object { $0.member("images", images) }
    }
}

extension JobResultView.Image: JSONTextWritable {
    public func write(to json: inout JSONText) {
        json.object { json in
            json.member("url", url)
            json.member("width", width)
            json.member("height", height)
            json.member("content_type", contentType)
        }
    }
}

extension JobErrorView: JSONTextWritable {
    public func write(to json: inout JSONText) {
        json.object { json in
            json.member("code", code)
            json.member("message", message)
        }
    }
}

extension CallbackView: JSONTextWritable {
    public func write(to json: inout JSONText) {
        json.object { json in
            json.member("status", status)
            json.member("attempts", attempts)
            json.member("last_error", lastError)
            json.member("next_attempt_at", nextAttemptAt)
            json.member("delivered_at", deliveredAt)
        }
    }
}

extension JobLinksView: JSONTextWritable {
    public func write(to json: inout JSONText) {
        json.object { json in
            json.member("get", get)
            json.member("cancel", cancel)
            json.member("events", events)
        }
    }
}

extension JobListView: JSONTextWritable {
    public func write(to json: inout JSONText) {
        json.object { json in
            json.member("jobs", jobs)
            json.member("next_cursor", nextCursor)
        }
    }
}
