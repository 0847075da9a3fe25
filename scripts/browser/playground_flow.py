"""Walks the web playground's whole flow in a real browser against a live `easel serve`.

    playground_flow.py --url http://127.0.0.1:PORT --key esk_... --image input.png --screenshots DIR

Debian's chromium, headless, driven by Debian's chromedriver at an explicit path: nothing is
downloaded (Selenium Manager is never asked; SE_MANAGER_PATH points at /bin/false so that
any attempt fails loudly instead of fetching a driver). Every wait has a deadline that fails
the run; nothing measures time. Exits 0 when every check held, 1 with the reason otherwise.

The server must run one worker that claims no job ahead (`--workers 1 --prefetch 0`): the
script first creates a job whose input it serves itself and holds back, so that the page's
job waits in the queue and the page must show its place there. The server gives up on an
input after 20 s, which bounds how long that check may take.
"""

import argparse
import base64
import http.server
import json
import os
import sys
import threading
import urllib.parse
import urllib.request
from pathlib import Path

os.environ["SE_MANAGER_PATH"] = "/bin/false"

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# Requested size: not square, so that a result of the wrong orientation would show.
WIDTH, HEIGHT = 896, 768
# "warmer", "more contrast": the classic engine applies them; "remove the background" it
# understands but cannot apply, so it comes back in not_applied.
PROMPT = "warmer with more contrast and remove the background"
CSP_DIRECTIVES = [
    "default-src 'self'", "img-src 'self' blob: data:", "connect-src 'self'",
    "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'",
]

# Installed before any of the page's own scripts: records every Content-Security-Policy
# violation, so that an inline style or a request to another origin fails the run.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
});
"""

# A second input made in the page (a canvas drawing) and dropped on the drop zone the way a
# dragged file arrives: a drop event carrying a DataTransfer with a File.
DROP_IMAGE = """
const done = arguments[arguments.length - 1];
const canvas = document.createElement("canvas");
canvas.width = 640; canvas.height = 480;
const context = canvas.getContext("2d");
const gradient = context.createLinearGradient(0, 0, 640, 480);
gradient.addColorStop(0, "#204080"); gradient.addColorStop(1, "#f0c040");
context.fillStyle = gradient; context.fillRect(0, 0, 640, 480);
canvas.toBlob((blob) => {
  const transfer = new DataTransfer();
  transfer.items.add(new File([blob], "dropped.png", { type: "image/png" }));
  const zone = document.getElementById("drop-zone");
  zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  zone.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  done(true);
}, "image/png");
"""


class CheckFailed(Exception):
    pass


class HeldImage:
    """A loopback HTTP server whose image is held back until released: a job reading it keeps
    the server's only worker busy, so that the job submitted next waits in the queue."""

    def __init__(self, image_bytes):
        self.asked = threading.Event()
        self.released = threading.Event()
        held = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                held.asked.set()
                held.released.wait(timeout=300)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(image_bytes)))
                self.end_headers()
                self.wfile.write(image_bytes)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/held.png"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.released.set()
        self.server.shutdown()


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def log(message):
    print(f"playground: {message}", flush=True)


def make_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1400", "--no-first-run", "--disable-extensions"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)


def wait_for(driver, what, condition, timeout=60):
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: condition(d))
    except TimeoutException:
        raise CheckFailed(f"timed out waiting for {what}") from None


def text(driver, element_id):
    return driver.find_element(By.ID, element_id).text


def network_events(driver):
    """Chromium's DevTools network events since the last call."""
    events = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"].startswith("Network."):
            events.append(message)
    return events


def api(base, key, path, body=None):
    request = urllib.request.Request(
        base + path, data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)["data"]


def api_query(base, key, job_id):
    return api(base, key, f"/api/v1/job/query?id={urllib.parse.quote(job_id)}")


def occupy_the_worker(base, key, held):
    """A job (created through the API, not the page) whose input is held back: it runs until
    the image is released. The server runs one worker and claims nothing ahead."""
    created = api(base, key, "/api/v1/job/create", {
        "model": "easel/classic",
        "args": {"prompt": "cooler", "image_urls": [held.url], "width": 768, "height": 768},
    })
    check(held.asked.wait(timeout=60), "the blocking job never fetched its input")
    log(f"job {created['job_id']} holds the only worker")


def check_sizes(driver):
    """Every preset is allowed; custom sizes breaking each rule name it and block submit."""
    preset = Select(driver.find_element(By.ID, "size-preset"))
    presets = [o.get_attribute("value") for o in preset.options if o.get_attribute("value") != "custom"]
    check(len(presets) >= 5, f"expected several size presets, got {presets}")
    for value in presets:
        preset.select_by_value(value)
        problems = driver.find_elements(By.CSS_SELECTOR, "#size-problems li")
        check(not problems, f"preset {value} breaks a rule: {[p.text for p in problems]}")
        check("Allowed" in text(driver, "size-summary"), f"preset {value}: no summary")
    cases = [
        ("3000", "512", "Width must be between 384 and 2560"),
        ("640", "640", "Total pixels must be between"),
        ("2560", "384", "Aspect ratio must be between 1:4 and 4:1"),
        ("1300", "1300", "Total pixels must be between"),
        ("12.5", "800", "Width must be a whole number"),
    ]
    for width, height, rule in cases:
        set_size(driver, width, height)
        shown = text(driver, "size-problems")
        check(rule in shown, f"{width}×{height}: expected the rule '{rule}', the page shows '{shown}'")
        check(preset.first_selected_option.get_attribute("value") == "custom", "a typed size must select Custom")
        check(not driver.find_element(By.ID, "submit").is_enabled(), f"{width}×{height}: submit must be disabled")
        check(driver.find_element(By.ID, "width").get_attribute("aria-invalid") == "true", "invalid size not marked")
    set_size(driver, str(WIDTH), str(HEIGHT))
    check(text(driver, "size-problems") == "", f"{WIDTH}×{HEIGHT} must be allowed")


def set_size(driver, width, height):
    for element_id, value in [("width", width), ("height", height)]:
        field = driver.find_element(By.ID, element_id)
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(Keys.DELETE)
        field.send_keys(value)


def enter_key(driver, key):
    check(not driver.find_element(By.ID, "submit").is_enabled(), "submit must be disabled before anything is entered")
    check("API key" in text(driver, "submit-hint"), f"the hint should ask for the key: {text(driver, 'submit-hint')}")
    field = driver.find_element(By.ID, "api-key")
    field.send_keys(key)
    field.send_keys(Keys.ENTER)  # the key form submits with the keyboard
    wait_for(driver, "the models to load", lambda d: d.find_element(By.ID, "model").is_enabled())
    models = [o.get_attribute("value") for o in Select(driver.find_element(By.ID, "model")).options]
    check("alibaba/wan-2.6/image-to-image" in models and "easel/classic" in models, f"models offered: {models}")
    stored = driver.execute_script("return localStorage.getItem('easel.apiKey')")
    check(stored == key, "the key must be kept in localStorage")
    cookies = driver.get_cookies()
    check(not cookies, f"the page must not set cookies: {cookies}")


def add_images(driver, image):
    driver.find_element(By.ID, "image-input").send_keys(str(Path(image).resolve()))
    driver.execute_async_script(DROP_IMAGE)
    wait_for(driver, "both images to upload",
             lambda d: len(d.find_elements(By.CSS_SELECTOR, "#image-list li.ready")) == 2)
    statuses = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#image-list .input-status")]
    check(statuses[0] == "Uploaded, 900 × 700" and statuses[1] == "Uploaded, 640 × 480", f"upload statuses: {statuses}")
    alts = [e.get_attribute("alt") for e in driver.find_elements(By.CSS_SELECTOR, "#image-list img")]
    check(all(alts), f"every preview needs an alt text: {alts}")


def fill_and_submit(driver):
    driver.find_element(By.ID, "prompt").send_keys(PROMPT)
    driver.find_element(By.ID, "negative-prompt").send_keys("oversaturated")
    Select(driver.find_element(By.ID, "num-images")).select_by_visible_text("2")
    Select(driver.find_element(By.ID, "model")).select_by_value("easel/classic")
    seed = driver.find_element(By.ID, "seed")
    seed.send_keys("-3")
    check("whole number" in text(driver, "seed-problem"), "a negative seed must be refused")
    check(not driver.find_element(By.ID, "submit").is_enabled(), "submit must be disabled with a bad seed")
    seed.send_keys(Keys.CONTROL, "a")
    seed.send_keys("42")
    check_sizes(driver)
    wait_for(driver, "submit to be enabled", lambda d: d.find_element(By.ID, "submit").is_enabled(), timeout=60)
    check(text(driver, "submit-hint") == "", f"no hint once ready: {text(driver, 'submit-hint')}")
    driver.find_element(By.ID, "submit").send_keys(Keys.ENTER)  # submitted from the keyboard


def check_queued(driver):
    """While the worker is busy the page shows the job's place in the queue."""
    def queued(d):
        section = d.find_element(By.ID, "job")
        return section.get_attribute("data-status") == "0" and d.find_element(By.ID, "job-status").text

    line = wait_for(driver, "the job to show as queued", queued, timeout=30)
    wait_for(driver, "the queue position", lambda d: d.find_element(By.ID, "job-status").text == "Queued: runs next.",
             timeout=30)
    check(driver.find_element(By.ID, "cancel-job").is_displayed(), "a queued job can be canceled")
    log(f"shown while queued: {line}")


def follow_job(driver):
    seen = set()

    def finished(d):
        section = d.find_element(By.ID, "job")
        status = section.get_attribute("data-status")
        if status is not None:
            seen.add(d.find_element(By.ID, "job-status").text.split(":")[0])
        return status in ("2", "3", "4") and section.get_attribute("data-job-id")

    job_id = wait_for(driver, "the job to finish", finished, timeout=180)
    status_line = text(driver, "job-status")
    check(driver.find_element(By.ID, "job").get_attribute("data-status") == "2", f"the job did not succeed: {status_line}")
    log(f"job {job_id}: statuses shown {sorted(seen)}; {status_line}")
    return job_id


def check_result(driver, base, key, job_id):
    def loaded(d):
        return d.execute_script(
            "const i = document.getElementById('after-image');"
            "return i.complete && i.naturalWidth > 0 ? [i.naturalWidth, i.naturalHeight] : null")

    size = wait_for(driver, "the result image to load", loaded)
    check(size == [WIDTH, HEIGHT], f"result image is {size}, requested {WIDTH}×{HEIGHT}")
    before = wait_for(driver, "the input image to load", lambda d: d.execute_script(
        "const i = document.getElementById('before-image');"
        "return i.complete && i.naturalWidth > 0 ? i.src : null"))
    check(before.startswith("blob:"), f"the before image is the local file: {before}")

    job = api_query(base, key, job_id)
    check(job.get("actual_prompt"), f"the job has no actual_prompt: {job}")
    check(text(driver, "actual-prompt") == job["actual_prompt"],
          f"plan shown '{text(driver, 'actual-prompt')}', job says '{job['actual_prompt']}'")
    shown = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#not-applied li")]
    check(shown == job.get("not_applied"), f"not applied shown {shown}, job says {job.get('not_applied')}")
    check(any("remove the background" in phrase for phrase in shown), f"not applied: {shown}")

    links = driver.find_elements(By.CSS_SELECTOR, "#downloads a")
    check(len(links) == 2, f"expected 2 download links, got {len(links)}")
    for link in links:
        href = link.get_attribute("href")
        check(href.startswith(base + "/v1/files/") and link.get_attribute("download"), f"download link {href}")
    pickers = driver.find_elements(By.CSS_SELECTOR, "#result-picker button")
    check(len(pickers) == 2, "two results: a button to show each")
    pickers[1].click()
    second = job["result"]["images"][1]["url"].split("/v1/files/")[1]
    wait_for(driver, "the second result to show", lambda d: d.find_element(By.ID, "after-image")
             .get_attribute("src").endswith(second), timeout=60)

    slider = driver.find_element(By.ID, "compare-range")
    slider.send_keys(Keys.END)
    check(slider.get_attribute("aria-valuetext").startswith("100% of the input"), "the slider moves with the keyboard")
    split = driver.execute_script(
        "return getComputedStyle(document.getElementById('compare')).getPropertyValue('--split').trim()")
    check(split == "100%", f"the slider moves the split: {split}")
    slider.send_keys(Keys.HOME)
    check(slider.get_attribute("aria-valuetext").startswith("0% of the input"), "Home shows the whole result")
    for _ in range(5):
        slider.send_keys(Keys.PAGE_UP)


def check_recent(driver, job_id):
    selector = f"#recent-jobs li[data-id='{job_id}'][data-status='succeeded']"
    wait_for(driver, "the job in the recent jobs", lambda d: d.find_elements(By.CSS_SELECTOR, selector), timeout=20)


def save_full_page(driver, path):
    """The whole page, not only the window's part of it."""
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    path.write_bytes(base64.b64decode(shot["data"]))


def check_phone(driver, screenshots):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    check(overflow <= 0, f"the page is {overflow}px wider than a 390px phone screen")
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(screenshots / "phone.png"))
    save_full_page(driver, screenshots / "phone-full-page.png")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def check_network(events, base, key, job_id):
    """Every request went to this origin; the key only as a Bearer header, only to the API.
    Headers come from both of Chromium's reports of a request (what the page set, and what
    went on the wire), matched by request id. The job was followed by its event stream,
    without polling its query endpoint."""
    urls = {e["params"]["requestId"]: e["params"]["request"]["url"]
            for e in events if e["method"] == "Network.requestWillBeSent"}
    check(urls, "no network events were recorded")
    quoted = urllib.parse.quote(job_id)
    check(base + f"/api/v1/job/events?id={quoted}" in urls.values(), "the page did not open the job's event stream")
    polled = [url for url in urls.values() if url.startswith(base + "/api/v1/job/query")]
    check(not polled, f"the page polled while its event stream worked: {polled}")
    for url in urls.values():
        if url.startswith(("data:", "blob:")):
            continue
        check(url == base or url.startswith(base + "/"), f"a request left the page's origin: {url}")
        check(key not in url, f"the key appeared in a URL: {url}")
    carried = set()
    for event in events:
        if event["method"] == "Network.requestWillBeSent":
            sent = event["params"]["request"].get("headers", {})
        elif event["method"] == "Network.requestWillBeSentExtraInfo":
            sent = event["params"].get("headers", {})
        else:
            continue
        request_id = event["params"]["requestId"]
        url = urls.get(request_id, "(unknown)")
        for name, value in sent.items():
            if name.lower() == "authorization":
                check(value == f"Bearer {key}", "the key must be sent as 'Bearer <key>'")
                check(url.startswith(base + "/api/v1/"), f"the key was sent outside the API: {url}")
                carried.add(request_id)
            else:
                check(key not in value, f"the key was sent in the {name} header to {url}")
    check(len(carried) >= 4, f"expected the API calls to carry the key, saw {len(carried)}")

    page = [request_id for request_id, url in urls.items() if url == base + "/"]
    check(page, "the page's own request was not recorded")
    received = {}
    for event in events:
        params = event["params"]
        if params.get("requestId") != page[0]:
            continue
        if event["method"] == "Network.responseReceived":
            received.update(params["response"].get("headers", {}))
        elif event["method"] == "Network.responseReceivedExtraInfo":
            received.update(params.get("headers", {}))
    headers = {name.lower(): value for name, value in received.items()}
    policy = headers.get("content-security-policy", "")
    for directive in CSP_DIRECTIVES:
        check(directive in policy, f"the page's policy lacks {directive}: {policy} (headers: {sorted(headers)})")
    return len(urls)


def run(arguments):
    screenshots = Path(arguments.screenshots)
    screenshots.mkdir(parents=True, exist_ok=True)
    base = arguments.url.rstrip("/")
    held = HeldImage(Path(arguments.image).read_bytes())
    driver = make_driver()
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_VIOLATIONS})
        driver.get(base + "/")
        check(driver.title == "Easel playground", f"title: {driver.title}")
        enter_key(driver, arguments.key)
        add_images(driver, arguments.image)
        occupy_the_worker(base, arguments.key, held)
        fill_and_submit(driver)
        check_queued(driver)
        held.released.set()
        job_id = follow_job(driver)
        check_result(driver, base, arguments.key, job_id)
        check_recent(driver, job_id)
        save_full_page(driver, screenshots / "desktop.png")
        check_phone(driver, screenshots)
        events = network_events(driver)
        violations = driver.execute_script("return window.__cspViolations")
        check(violations == [], f"Content-Security-Policy violations: {violations}")
        count = check_network(events, base, arguments.key, job_id)
        driver.find_element(By.ID, "forget-key").click()
        check(driver.execute_script("return localStorage.getItem('easel.apiKey')") is None, "Forget must drop the key")
        log(f"ok: {count} requests, all to {base}; screenshots in {screenshots}")
    except Exception:
        driver.save_screenshot(str(screenshots / "failure.png"))
        for entry in driver.get_log("browser"):
            print(f"browser console: {entry['level']} {entry['message']}", file=sys.stderr)
        raise
    finally:
        driver.quit()
        held.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--image", required=True)
    parser.add_argument("--screenshots", required=True)
    arguments = parser.parse_args()
    try:
        run(arguments)
    except CheckFailed as failure:
        print(f"playground: FAILED: {failure}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
