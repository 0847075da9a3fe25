import EaselAPI
import EaselCore
import Foundation
import Testing

/// The JSON shapes clients of the hosted API read.
@Suite struct ResponseShapeTests {
    @Test func createResponseCarriesJobIDTwiceButSpellsItOnce() throws {
        let wire = CreateJobResponse(jobID: "abc", amount: "0.052").wireJSON()
        let json = try JSONSerialization.jsonObject(with: wire) as? [String: Any]
        #expect(json?["code"] as? Int == 0)
        #expect(json?["job_id"] as? String == "abc")
        let data = json?["data"] as? [String: Any]
        #expect(data?["job_id"] as? String == "abc")
        #expect(data?["amount"] as? String == "0.052")
        // The hosted curl example's `grep -o '"job_id": *"[^"]*"'` must match exactly once.
        let text = String(decoding: wire, as: UTF8.self)
        #expect(text.components(separatedBy: "\"job_id\"").count == 2)
        #expect(try JSONDecoder().decode(CreateJobResponse.self, from: wire) == CreateJobResponse(jobID: "abc", amount: "0.052"))
    }

    @Test func errorEnvelopeHasCodeAndMessageOnly() throws {
        let text = String(decoding: try JSONEncoder().encode(Envelope(error: .busy("queue: full"))), as: UTF8.self)
        #expect(text.contains("\"code\":3000"))
        #expect(text.contains("\"message\":\"queue: full\""))
        #expect(!text.contains("\"data\""))
    }

    @Test func statusNumbersMatchTheHostedAPI() {
        #expect(JobStatus.allCases.map(\.rawValue) == [0, 1, 2, 3, 4])
        #expect(JobStatus.allCases.filter { !$0.isTerminal } == [.queued, .running])
    }
}
