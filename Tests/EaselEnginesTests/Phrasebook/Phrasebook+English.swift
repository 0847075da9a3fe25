extension Phrasebook {
    /// English variants of the same requests, beside the main prompt table.
    static let english: [(String, String)] = [
        // The general enhancement, and improving a named quality.
        ("improve the quality", "auto levels; vibrance +0.5; sharpness +0.25"),
        ("less yellow", "temperature -0.75"),
        ("it's too dark, brighten it a little", "brightness +1"),
        ("way too bright", "brightness -1.5"),
        ("a bit too saturated", "saturation -0.5"),
        ("TOO DARK!", "brightness +1"),
        ("too dark", "brightness +1"),
        ("make it much brighter", "brightness +1.5"),
        ("warmer please, but don't overdo it", "temperature +0.5"),
        ("too warm", "temperature -0.75"),
        ("too noisy", "denoise"),
        ("rotate left", "rotate -90"),
        ("flip vertically", "flip vertical"),
        ("convert to black and white", "monochrome"),
        ("Make it brighter. Dale más contraste.", "brightness +1; contrast +1"),
        ("make it brighter, 再暖一点", "brightness +1; temperature +0.5"),
        ("更亮一些 and more contrast", "brightness +0.5; contrast +1"),
        ("plus chaud, more contrast, 彩度を上げて", "contrast +1; saturation +1; temperature +1"),
        ("zu dunkel, trop saturé", "brightness +1; saturation -1"),
        ("muito escuro e demasiado frío", "brightness +1; temperature +1"),
        ("warmer，对比度高一点", "contrast +0.5; temperature +1"),
        ("sharpen 一点", "sharpness +0.5"),
        ("NB: make it warmer", "temperature +1"),
    ]
}
