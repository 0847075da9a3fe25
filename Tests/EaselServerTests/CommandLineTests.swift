import EaselCore
import EaselServer
import Foundation
import Testing

/// The `easel` command line as an operator meets it: help, version, misspelled settings,
/// exit statuses and listings for people and for scripts.
@Suite struct CommandLineTests {
    @Test func serveHelpListsEverySettingWithinEightyColumns() throws {
        let help = try EaselProcess.run(["serve", "--help"])
        #expect(help.status == 0)
        for setting in Setting.allCases {
            #expect(help.output.contains("  \(setting.flag)"), "help lists \(setting.flag)")
        }
        for line in help.output.split(separator: "\n") {
            #expect(line.count <= 80, "too wide: \(line)")
        }
        // Settings the old hand-written help left out.
        for flag in ["--retention-seconds", "--callback-schedule", "--callback-timeout-seconds", "--janitor-interval-seconds"] {
            #expect(help.output.contains(flag))
        }
        #expect(help.output.contains("[86400]"), "defaults come from the code")
    }

    @Test(arguments: [
        (["--wrokers", "7"], "--wrokers is not a setting; did you mean --workers?"),
        (["--retention-secs", "5"], "--retention-secs is not a setting; did you mean --retention-seconds?"),
        (["--diffusion-weight=/models"], "--diffusion-weight is not a setting; did you mean --diffusion-weights?"),
        (["--colour", "red"], "--colour is not a setting (easel serve --help lists them)"),
        (["--port", "9000", "stray"], "unexpected argument \"stray\"; settings are --name value"),
    ])
    func misspelledSettingsAreRefusedNamingTheClosest(arguments: [String], message: String) throws {
        let error = #expect(throws: SettingsError.self) { try ServerSettings(arguments: arguments, environment: [:]) }
        #expect(error?.description == message)
    }

    @Test func switchesAndValuesAreNotMistakenForStrayArguments() throws {
        let settings = try ServerSettings(
            arguments: ["--diffusion-compile", "--workers=3", "--diffusion-fp8", "true", "--port", "0"], environment: [:])
        #expect(settings.diffusion.compile && settings.diffusion.fp8)
        #expect(settings.workers == 3 && settings.port == 0)
    }

    @Test func aMisspelledFlagStopsServeAsAUsageError() throws {
        let result = try EaselProcess.run(["serve", "--wrokers", "7", "--data-dir", "/tmp/easel-never-created"])
        #expect(result.status == 64)
        #expect(result.output.contains("did you mean --workers?"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/easel-never-created"))
    }

    @Test func versionIsPrinted() throws {
        let result = try EaselProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == EaselVersion.current)
    }

    @Test func keyListingsHaveAHeaderRowOrJSON() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("easel-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try EaselProcess.run(["keys", "create", "--name", "ops", "--data-dir", directory.path]).status == 0)

        let table = try EaselProcess.run(["keys", "list", "--data-dir", directory.path]).output.split(separator: "\n")
        #expect(table.count == 2)
        #expect(table.first?.split(separator: " ", omittingEmptySubsequences: true) == ["ID", "PREFIX", "NAME", "CREATED", "STATE"])

        let json = try EaselProcess.run(["keys", "list", "--json", "--data-dir", directory.path])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: String]])
        #expect(rows.count == 1)
        #expect(rows.first?["name"] == "ops" && rows.first?["state"] == "active")
        #expect(rows.first?["id"]?.hasPrefix("key_") == true)
    }

    @Test func jobShowPrintsTheURLsOfTheServerThatRanIt() async throws {
        let images = try await LoopbackImageServer.start(image: try ImageFixture.png())
        try await ProcessScope.run { scope in
            // Port 0: the port is the kernel's choice, so only the server can tell it.
            let server = try await scope.start()
            let client = LiveClient(http: scope.http, baseURL: server.baseURL, key: try ProcessTests.firstKey(scope))
            let body = ProcessTests.createBody([
                "prompt": "warmer", "image_urls": ["\(images.baseURL)/image.png"], "width": 1024, "height": 1024,
            ])
            let id = try #require(JSON(data: try await client.send(.POST, "/api/v1/job/create", body: body).body)["data"]["job_id"].string)
            _ = try await client.waitFor(id, status: [2])
            server.terminate()
            server.process.waitUntilExit()

            let shown = try EaselProcess.run(["jobs", "show", id, "--data-dir", scope.dataDirectory.path])
            let url = try #require(JSON(data: Data(shown.output.utf8))["result"]["images"][0]["url"].string)
            #expect(url.hasPrefix(server.baseURL + "/v1/files/"), "\(url) is served by \(server.baseURL)")
            let listed = try EaselProcess.run(["jobs", "list", "--json", "--data-dir", scope.dataDirectory.path])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: String]])
            #expect(rows.map { $0["id"] } == [id] && rows.first?["status"] == "succeeded")
        }
    }
}
