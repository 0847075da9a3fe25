# The hosted API's Python (Requests) example, as its documentation gives it. Changed: the
# base URL, the key, the image URL and the callback URL, read from the environment
# (EASEL_URL, SHORTAPI_KEY, IMAGE_URL, CALLBACK_URL).
import os

EASEL_URL, SHORTAPI_KEY = os.environ["EASEL_URL"], os.environ["SHORTAPI_KEY"]
IMAGE_URL, CALLBACK_URL = os.environ["IMAGE_URL"], os.environ["CALLBACK_URL"]

import requests

# Step 1: Create a job
url = f"{EASEL_URL}/api/v1/job/create"
payload = {
    "model": "alibaba/wan-2.6/image-to-image",
    "args": {
        "prompt": "Transform the uploaded image into a high-impact digital illustration using the image as a strict facial reference. Face Match (Strict): Face match must remain 100% exact — identical facial structure, proportions, jawline, cheekbones, nose shape, lips, beard density(if available in reference image) and trim, skin texture, hairline, hairstyle, and overall identity. Do not beautify, stylize, or alter facial features. Subject & Pose: A young Eastern European man is shown in a clean side-profile pose (not extreme profile), facing toward the right side of the frame. His head is slightly raised, chin gently lifted, conveying confidence, ambition, and forward vision. Expression is calm and self-assured. Clothing & Styling: The subject wears formal, modern clothing — a tailored dark blazer over a crisp shirt, minimal and elegant, reinforcing a professional and ambitious persona. No distracting accessories. Key Visual Element: He wears bold orange reflective sunglasses as the focal point. The lenses reflect a detailed modern cityscape with skyscrapers, urban roads, and green trees, symbolizing vision, ambition, and future goals. Color & Illustration Style: The face and clothing are rendered in muted grayscale tones, with realistic texture translated into a refined digital illustration style. Surrounding the subject are expressive abstract paint strokes and splashes in neon green and electric blue, adding energy and contrast without covering facial details. Background & Lighting: The background is dark and dramatic, layered with deep grey tones, subtle texture, and painterly motion. Cinematic lighting creates strong subject separation, clean highlights, and controlled shadows. Overall Aesthetic: Modern, cinematic, surreal digital illustration with a 2/3 photoreal-illustration balance and 1/3 abstract expression, poster-quality, high contrast, premium look.",
        "image_urls": [IMAGE_URL],
        "width": 1280,
        "height": 1280
    },
    "callback_url": CALLBACK_URL
}
headers = {
    "Authorization": f"Bearer {SHORTAPI_KEY}",
    "Content-Type": "application/json"
}

response = requests.post(url, headers=headers, json=payload)
data = response.json()
JOB_ID = data.get("job_id")

# Step 2: Poll for results
result_url = f"{EASEL_URL}/api/v1/job/query?id={JOB_ID}"
result = requests.get(result_url, headers={"Authorization": f"Bearer {SHORTAPI_KEY}"})
print(result.json())
