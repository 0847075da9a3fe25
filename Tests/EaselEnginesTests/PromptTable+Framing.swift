/// Regions, ratios, crops and borders: what the classic engine plans for them.
extension PromptTable {
    static let regionsAndFrames: [(String, String)] = [
        // A region's sub-clause is reported, not applied; the rest of the prompt still runs.
        ("soften the skin", "no edits"),
        ("blur the background", "no edits"),
        ("shallow depth of field", "no edits"),
        ("add bokeh", "no edits"),
        ("brighten her face", "no edits"),
        ("make the eyes pop", "no edits"),
        ("make the sky bluer", "no edits"),
        ("make the cat brighter", "no edits"),
        ("make it warmer and blur the background", "temperature +1"),
        ("brighten the photo, soften the skin", "brightness +1"),
        ("more contrast but keep her skin soft", "contrast +1"),
        ("a portrait with a blurred background, warm tones", "temperature +1"),
        // What the whole picture shows is not a region; the colours of a part are.
        ("make this portrait of my dog warmer", "temperature +1"),
        ("a photo of a woman, make it brighter", "brightness +1"),
        ("make the colors of the sky more vivid", "no edits"),
        // A short sub-clause of effects alone goes with the region before it.
        ("make her face brighter and warmer", "no edits"),
        ("blur the background and add a vignette", "vignette"),
        ("soften the skin and brighten the image", "brightness +1"),
        // Ratios keep their colon; squares and salient crops.
        ("make it 16:9", "crop 16:9"),
        ("crop to 4:3", "crop 4:3"),
        ("1:1", "crop 1:1"),
        ("crop to 3:2 and make it brighter", "crop 3:2; brightness +1"),
        ("crop to a square", "crop 1:1"),
        ("square crop", "crop 1:1"),
        ("make the whole image brighter", "brightness +1"),
        ("the entire image is too dark", "brightness +1"),
        ("crop to the subject", "crop to the salient area"),
        // Borders, with the colour named.
        ("add a white border", "white border"),
        ("white borders", "white border"),
        ("add a black border", "black border"),
        ("keep the whole image with white bars", "pad; white border"),
        ("letterbox, blurred background fill", "pad; blurred border"),
        // Tilt without an angle is reported; with one it is a rotation.
        ("straighten the horizon", "no edits"),
        ("level the horizon", "no edits"),
        ("straighten the horizon by 2 degrees", "rotate 2"),
        // Noise is the picture's, wherever it is named.
        ("too much noise in the night sky", "denoise"),
        ("can you make this look better?", "auto levels; vibrance +0.5; sharpness +0.25"),
        ("brighten the image but keep the highlights", "brightness +1; highlights -0.5"),
        ("reduce the glare", "highlights -1"),
        ("the image looks muddy, make it clearer", "contrast +1; clarity; saturation +0.5"),
        ("a cinematic look with teal shadows", "contrast +0.5; split tone; vignette +0.5"),
        // Clauses that used to vanish.
        ("more light", "brightness +1"),
        ("a little less light", "brightness -0.5"),
        ("it's too noisy, clean it up", "denoise"),
        ("too red", "temperature -0.25; tint -0.75"),
        ("too cyan", "temperature +0.5; tint +0.5"),
        ("make the whites cleaner", "auto white balance; highlights +0.25"),
    ]
}
