-- wrk: GET /api/v1/job/query for one existing job (EASEL_KEY, EASEL_JOB from the environment).
wrk.method = "GET"
wrk.path = "/api/v1/job/query?id=" .. os.getenv("EASEL_JOB")
wrk.headers["Authorization"] = "Bearer " .. os.getenv("EASEL_KEY")
