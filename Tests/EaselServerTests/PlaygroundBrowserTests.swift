import Foundation
import Testing

/// The playground in a real browser (Debian's chromium, headless, through Selenium and
/// Debian's chromedriver) against the real `easel serve`: key, images (picked and dropped),
/// prompt, size rules, a place in the queue, progress, the result at the requested size, the
/// plan and what was not applied, recent jobs, phone width, and no request or key leaving
/// the page's origin (scripts/browser/playground_flow.py). Screenshots go to
/// .build/playground-screenshots/.
@Suite struct PlaygroundBrowserTests {
    static let python = TinyRunner.packageRoot.appendingPathComponent("scripts/browser/.venv/bin/python").path
    static let script = TinyRunner.packageRoot.appendingPathComponent("scripts/browser/playground_flow.py").path
    static let screenshots = TinyRunner.packageRoot.appendingPathComponent(".build/playground-screenshots").path

    @Test func theWholeFlowInABrowser() async throws {
        let missing = [Self.python, "/usr/bin/chromium", "/usr/bin/chromedriver"]
            .filter { !FileManager.default.fileExists(atPath: $0) }
        guard missing.isEmpty else {
            Issue.record("missing \(missing.joined(separator: ", ")): run scripts/test.sh, which installs them")
            return
        }
        try await ProcessScope.run { scope in
            // One worker that claims nothing ahead: a job whose input is held keeps it busy,
            // so the page's job shows its place in the queue. The held fetch may last as long as
            // the browser takes to reach the queued check on a loaded machine (the default 20 s
            // once cut it short, and the page's job ran at once).
            let server = try await scope.start(extra: ["--workers", "1", "--prefetch", "0", "--fetch-timeout-seconds", "400"])
            let key = try ProcessTests.firstKey(scope)
            let image = scope.dataDirectory.appendingPathComponent("playground-input.png")
            try ImageFixture.png(width: 900, height: 700).write(to: image)
            let run = try await ChildCommand.run(Self.python, [
                Self.script, "--url", server.baseURL, "--key", key, "--image", image.path, "--screenshots", Self.screenshots,
            ], timeout: .seconds(540))
            #expect(run.status == 0, "\(run.output)")
        }
    }
}
