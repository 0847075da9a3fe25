import Prometheus

/// Every metric `/metrics` shows, with its help text: the one list to read when adding a
/// dashboard or an alert (docs/OPERATIONS.md describes them too).
extension MetricNameDescriptor {
    private static func easel(_ name: String, _ unit: String, _ help: String) -> Self {
        Self(namespace: "easel", metricName: name, unitName: unit, helpText: help)
    }

    private static func process(_ name: String, _ unit: String, _ help: String) -> Self {
        Self(namespace: "process", metricName: name, unitName: unit, helpText: help)
    }

    // Jobs
    static var jobs: Self { easel("jobs", "", "Jobs in the store, by status.") }
    static var queueDepth: Self { easel("queue_depth", "", "Jobs waiting to be claimed.") }
    static var jobsFinished: Self { easel("jobs_finished", "total", "Jobs this process ran to an end, by outcome.") }
    static var jobFailures: Self { easel("job_failures", "total", "Jobs this process ran that failed, by error code (data.error.code).") }
    static var inputFetchFailures: Self {
        easel("input_fetch_failures", "total", "Jobs that failed because an input could not be fetched.")
    }
    static var engineDuration: Self { easel("engine_duration", "seconds", "Time an engine spent on one job's edit, by engine.") }
    static var queueWait: Self {
        easel("job_queue_wait", "seconds", "Time from a job's creation to its first claim by a worker, by engine.")
    }
    static var jobDuration: Self {
        easel("job_duration", "seconds", "Time from a job's creation to its end (succeeded, failed or canceled while running), by engine.")
    }
    static var callbackAttempts: Self { easel("callback_attempts", "total", "Callback deliveries tried, by outcome.") }
    static var runnerRestarts: Self {
        easel("runner_restarts", "total",
              "Times a diffusion runner was started again after it died or failed to start, by runner and device.")
    }
    static var runnerReady: Self {
        easel("runner_ready", "", "1 while a diffusion runner has its model loaded, else 0, by runner and device.")
    }
    static var runnerBusy: Self { easel("runner_busy", "", "1 while a diffusion runner runs an edit, else 0, by runner and device.") }

    // HTTP
    static var httpRequests: Self {
        easel("http_requests", "total", "HTTP requests answered, by method, route template and status.")
    }
    static var httpRequestDuration: Self {
        easel("http_request_duration", "seconds",
              "Time from a request's head to the end of its answer's body, by method, route template and status.")
    }

    // The build and the process (Prometheus' standard names)
    static var buildInfo: Self { easel("build", "info", "Always 1; the labels name this build's version and the libvips it runs on.") }
    static var residentMemory: Self { process("resident_memory", "bytes", "Resident memory size in bytes.") }
    static var virtualMemory: Self { process("virtual_memory", "bytes", "Virtual memory size in bytes.") }
    static var cpuSeconds: Self { process("cpu_seconds", "total", "Total user and system CPU time spent in seconds.") }
    static var openFileDescriptors: Self { process("open_fds", "", "Number of open file descriptors.") }
    static var maxFileDescriptors: Self { process("max_fds", "", "Maximum number of open file descriptors.") }
    static var startTime: Self { process("start_time", "seconds", "Start time of the process since unix epoch in seconds.") }
}
