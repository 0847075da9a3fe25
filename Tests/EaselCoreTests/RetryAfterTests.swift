import EaselCore
import Foundation
import Testing

@Suite struct RetryAfterTests {
    let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT

    @Test func secondsAndDatesAreRead() {
        #expect(RetryAfter.delay("120", now: now) == 120)
        #expect(RetryAfter.delay(" 0 ", now: now) == 0)
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:50:37 GMT", now: now) == 60)
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:48:37 GMT", now: now) == 0, "a past date asks for no wait")
    }

    @Test func otherValuesAreIgnored() {
        for value in ["-5", "soon", "1.5", "", "Sunday, 06-Nov-94"] {
            #expect(RetryAfter.delay(value, now: now) == nil, "\(value)")
        }
    }

    @Test func theScheduleHonoursAWishUpToItsLongestDelay() {
        let schedule = RetrySchedule(delays: [.seconds(5), .seconds(60)])
        #expect(schedule.nextAttempt(after: 1, from: now, retryAfter: 30) == now.addingTimeInterval(30))
        #expect(schedule.nextAttempt(after: 1, from: now, retryAfter: 3600) == now.addingTimeInterval(60))
        #expect(schedule.nextAttempt(after: 1, from: now, retryAfter: nil, jitter: 0) == now.addingTimeInterval(5))
        #expect(schedule.nextAttempt(after: 3, from: now, retryAfter: 30) == nil, "a wish adds no attempts")
    }
}
