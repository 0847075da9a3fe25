import EaselCore
import Foundation
import Testing
@testable import EaselEngines

/// Protocol v1 as docs/RUNNER_PROTOCOL.md writes it: the lines the runner sends parse to the
/// right messages, anything else is refused, and the commands Easel sends spell every field.
@Suite struct RunnerProtocolTests {
    @Test func readyParsesEveryField() throws {
        let line = """
            {"type":"ready","protocol":1,"pid":4242,"variant":"2511","pipeline":"QwenImageEditPlusPipeline","device":"cuda",\
            "dtype":"bfloat16","max_input_images":4,"options":{"lora":true,"compile":false,"fp8":true,"offload":"none"},\
            "defaults":{"steps":8,"guidance":1.0}}
            """
        guard case .ready(let ready) = try RunnerMessage(line: line) else {
            Issue.record("not a ready message")
            return
        }
        #expect(ready.pid == 4242 && ready.variant == "2511" && ready.maxInputImages == 4)
        #expect(ready.options.lora && ready.options.fp8 && !ready.options.compile)
        #expect(ready.defaults.steps == 8 && ready.defaults.guidance == 1.0)
        #expect(ready.cache == nil, "a runner that does not report caching reads as off")
    }

    @Test(arguments: [
        (#","cache":"first-block:0.08""#, "", "first-block:0.08"),
        (#","cache":null"#, "", nil),
        ("", #","cache":{"method":"first-block","threshold":0.1}"#, "first-block:0.1"),
        ("", #","cache":"first-block:0.2""#, "first-block:0.2"),
    ] as [(String, String, String?)])
    func readyReportsTheCachingTheRunnerApplied(top: String, inOptions: String, expected: String?) throws {
        let line = #"{"type":"ready","protocol":1,"pid":1,"variant":"2509","pipeline":"P","device":"cpu","dtype":"float32","#
            + #""max_input_images":4,"options":{"lora":false,"compile":false,"fp8":false,"offload":"none"\#(inOptions)},"#
            + #""defaults":{"steps":40,"guidance":4.0}\#(top)}"#
        guard case .ready(let ready) = try RunnerMessage(line: line) else {
            Issue.record("not a ready message")
            return
        }
        #expect(ready.cache == expected, "\(line)")
    }

    @Test func jobMessagesCarryTheirJob() throws {
        #expect(try RunnerMessage(line: #"{"type":"progress","id":"j1","step":3,"steps":40}"#) == .progress(id: "j1", step: 3, steps: 40))
        #expect(try RunnerMessage(line: #"{"type":"prompt","id":"j1","prompt":"Make the sky red."}"#).jobID == "j1")
        #expect(try RunnerMessage(line: #"{"type":"canceled","id":"j2"}"#) == .canceled(id: "j2"))
        #expect(try RunnerMessage(line: #"{"type":"failed","id":"j3","code":"out_of_memory","message":"CUDA OOM"}"#)
            == .failed(id: "j3", code: .outOfMemory, message: "CUDA OOM"))
        let done = try RunnerMessage(line: """
            {"type":"done","id":"j4","images":["/s/out-0.png"],"prompt":"p","generated":{"width":1024,"height":768},"seconds":1.5}
            """)
        #expect(done.jobID == "j4")
        #expect(try RunnerMessage(line: #"{"type":"fatal","message":"weights: /x has no model_index.json"}"#).jobID == nil)
    }

    @Test(arguments: [
        ("Loading pipeline components...", "not a JSON object"),
        (#"{"type":"progress","id":"j1","step":3}"#, "\"progress\" lacks \"steps\""),
        (#"{"type":"teleport","id":"j1"}"#, "unknown message type \"teleport\""),
        (#"{"type":"done","id":"j1"}"#, "fields of \"done\" do not match"),
    ])
    func anythingElseIsRefused(line: String, reason: String) {
        let error = #expect(throws: RunnerProtocolError.self) { try RunnerMessage(line: line) }
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
    }

    @Test func editSpellsEveryFieldIncludingNulls() throws {
        let edit = RunnerEdit(
            id: "j1", prompt: "add a hat", negativePrompt: nil, images: ["/s/in-0.png"], width: 768, height: 1024,
            numImages: 2, seed: UInt64.max, promptExtend: true, outputDirectory: "/s")
        let line = try RunnerCommand.edit(edit).line()
        #expect(line.hasSuffix("\n") && line.filter { $0 == "\n" }.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "edit")
        #expect(object["negative_prompt"] is NSNull && object["steps"] is NSNull && object["guidance"] is NSNull)
        #expect(object["num_images"] as? Int == 2 && object["prompt_extend"] as? Bool == true)
        #expect(object["output_dir"] as? String == "/s" && object["images"] as? [String] == ["/s/in-0.png"])
        #expect(line.contains("\"seed\":18446744073709551615"), "the full 64-bit seed, not a rounded double")
        #expect(try RunnerCommand.cancel(id: "j1").line() == "{\"id\":\"j1\",\"type\":\"cancel\"}\n")
        #expect(try RunnerCommand.shutdown.line() == "{\"type\":\"shutdown\"}\n")
    }

    @Test func configurationSpellsTheRunnerFlags() throws {
        var configuration = RunnerConfiguration(python: "/venv/bin/python", weights: "/w", scratchDirectory: URL(fileURLWithPath: "/tmp"))
        #expect(configuration.arguments == ["-m", "easel_runner", "--weights", "/w", "--device", "cpu", "--offload", "none"])
        configuration.device = .cuda(1)
        configuration.offload = .model
        configuration.lora = "/l.safetensors"
        configuration.loraSteps = 4
        configuration.compile = true
        configuration.fp8 = true
        configuration.cache = RunnerCache("first-block:0.08")
        configuration.maxPixels = 4096
        #expect(configuration.arguments == [
            "-m", "easel_runner", "--weights", "/w", "--device", "cuda", "--offload", "model",
            "--lora", "/l.safetensors", "--lora-steps", "4", "--compile", "--fp8", "--cache", "first-block:0.08",
            "--max-pixels", "4096",
        ])
        #expect(try configuration.processEnvironment(inherited: [:])["HF_HUB_OFFLINE"] == "1")
    }

    /// Each runner sees its own device alone, numbered as the server numbers its GPUs.
    @Test func eachRunnerSeesOnlyItsDevice() throws {
        var configuration = RunnerConfiguration(python: "/p", weights: "/w", device: .cuda(1), scratchDirectory: URL(fileURLWithPath: "/tmp"))
        #expect(try configuration.processEnvironment(inherited: [:])["CUDA_VISIBLE_DEVICES"] == "1")
        #expect(try configuration.processEnvironment(inherited: ["CUDA_VISIBLE_DEVICES": "4, 6"])["CUDA_VISIBLE_DEVICES"] == "6")
        configuration.environment = ["CUDA_VISIBLE_DEVICES": "GPU-a,GPU-b", "HF_HUB_OFFLINE": "0"]
        let environment = try configuration.processEnvironment(inherited: ["CUDA_VISIBLE_DEVICES": "4,6"])
        #expect(environment["CUDA_VISIBLE_DEVICES"] == "GPU-b" && environment["HF_HUB_OFFLINE"] == "1", "the hub stays off")
        configuration.device = .cuda(2)
        #expect(throws: RunnerFailure.startup(
            "cuda:2 is not among CUDA_VISIBLE_DEVICES=GPU-a,GPU-b (GPUs are numbered from 0 in that list)")) {
            try configuration.processEnvironment(inherited: [:])
        }
        configuration.device = .cpu
        #expect(try configuration.processEnvironment(inherited: [:])["CUDA_VISIBLE_DEVICES"] == "", "a CPU runner sees no GPU")
    }

    @Test func devicesAndCacheParse() async throws {
        #expect(RunnerDevices("auto") == .auto)
        #expect(RunnerDevices("cpu,cpu") == .list([.cpu, .cpu]))
        #expect(RunnerDevices("cuda:0, cuda:3") == .list([.cuda(0), .cuda(3)]))
        for bad in ["", "gpu", "cuda", "cuda:-1", "cuda:01", "cuda:0,cuda:0", "cpu,", "auto,cpu"] {
            #expect(RunnerDevices(bad) == nil, "\(bad)")
        }
        #expect(await RunnerDevices.auto.resolved { 2 } == [.cuda(0), .cuda(1)])
        #expect(await RunnerDevices.auto.resolved { 0 } == [.cpu], "no GPU: one CPU runner")
        #expect(RunnerCache("first-block:0.08") == RunnerCache(method: .firstBlock, threshold: 0.08))
        #expect(RunnerCache("first-block:0")?.description == "first-block:0.0")
        for bad in ["first-block", "first-block:", "first-block:-0.1", "first-block:1.01", "first-block:nan", "first-block:1e-2", "dbcache:0.1"] {
            #expect(RunnerCache(bad) == nil, "\(bad)")
        }
    }

    @Test func derivedSeedsAreStableAndDistinct() {
        #expect(DiffusionEngine.derivedSeed(jobID: "job_abc") == DiffusionEngine.derivedSeed(jobID: "job_abc"))
        #expect(DiffusionEngine.derivedSeed(jobID: "job_abc") != DiffusionEngine.derivedSeed(jobID: "job_abd"))
        // FNV-1a 64's published test vectors: the empty string checks the offset basis, the
        // others the prime and the order of xor and multiply (FNV-1 gives 0xaf63bd4c8601b7be
        // for "a").
        #expect(DiffusionEngine.derivedSeed(jobID: "") == 0xcbf2_9ce4_8422_2325)
        #expect(DiffusionEngine.derivedSeed(jobID: "a") == 0xaf63_dc4c_8601_ec8c)
        #expect(DiffusionEngine.derivedSeed(jobID: "foobar") == 0x8594_4171_f739_67e8)
    }

    @Test func runnerLossRequeuesButARefusalFails() {
        #expect(DiffusionEngine.engineError(.lost("runner signaled(9)")).requeuesJob)
        #expect(DiffusionEngine.engineError(.startup("weights moved")).requeuesJob)
        let refused = DiffusionEngine.engineError(.job(code: .badRequest, message: "width: must be ≥ 16"))
        #expect(!refused.requeuesJob && refused.jobErrorCode.rawValue == "engine_failed")
        #expect(DiffusionEngine.engineError(.job(code: .outOfMemory, message: "x")).message.contains("ran out of memory"))
    }
}
