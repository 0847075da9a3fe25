-- wrk: POST /api/v1/job/create with the body in EASEL_CREATE_BODY (see bench/api.sh).
wrk.method = "POST"
wrk.path = "/api/v1/job/create"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("EASEL_KEY")
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("EASEL_CREATE_BODY")
