import EaselCore
/// Checks `args` field by field and collects every broken rule, so that a client fixes all
/// of them in one round trip. Messages read `args.<field>: <rule> (got <value>)`.
struct ArgumentValidator {
    private(set) var messages: [String] = []

    mutating func validate(_ args: [String: JSONValue]) -> EditSpec? {
        let prompt = string(args, "prompt", required: true, maxLength: ArgumentRules.maxPromptLength)
        let negative = string(args, "negative_prompt", required: false,
                              maxLength: ArgumentRules.maxNegativePromptLength)
        let numImages = integer(args, "num_images", range: ArgumentRules.numImagesRange) ?? 1
        let urls = imageURLs(args["image_urls"])
        let width = integer(args, "width", range: ArgumentRules.sideRange, required: true)
        let height = integer(args, "height", range: ArgumentRules.sideRange, required: true)
        if let width, let height { checkSize(width: width, height: height) }
        let promptExtend = boolean(args, "prompt_extend") ?? false
        let seed = integer(args, "seed", range: Int(ArgumentRules.seedRange.lowerBound)...Int(ArgumentRules.seedRange.upperBound))
        let format = outputFormat(args["output_format"])

        guard let prompt, let urls, let width, let height else { return nil }
        return EditSpec(
            prompt: prompt, negativePrompt: negative, numImages: numImages, imageURLs: urls,
            width: width, height: height, promptExtend: promptExtend,
            seed: seed.map(UInt64.init), outputFormat: format ?? .png)
    }

    mutating func callbackURL(_ value: JSONValue?) -> String? {
        guard let value, value != .null else { return nil }
        guard case .string(let url) = value else {
            messages.append("callback_url: must be a string (got \(value.typeName))")
            return nil
        }
        if url.isEmpty { return nil }
        if let problem = URLRules.httpProblem(url) {
            messages.append("callback_url: \(problem)")
            return nil
        }
        return url
    }

    private mutating func string(
        _ args: [String: JSONValue], _ field: String, required: Bool, maxLength: Int
    ) -> String? {
        guard let value = args[field], value != .null else {
            if required { messages.append("args.\(field): is required") }
            return nil
        }
        guard case .string(let text) = value else {
            messages.append("args.\(field): must be a string (got \(value.typeName))")
            return nil
        }
        // Length in Unicode code points, as the hosted API's Python and most servers count.
        let length = text.unicodeScalars.count
        if length > maxLength {
            messages.append("args.\(field): must be at most \(maxLength) characters (got \(length))")
            return nil
        }
        if required && !Self.hasVisibleCharacter(text) {
            messages.append("args.\(field): must contain visible text (got only spaces, control or invisible characters)")
            return nil
        }
        return text
    }

    private mutating func integer(
        _ args: [String: JSONValue], _ field: String, range: ClosedRange<Int>, required: Bool = false
    ) -> Int? {
        guard let value = args[field], value != .null else {
            if required { messages.append("args.\(field): is required") }
            return nil
        }
        guard case .number(let number) = value, number.rounded() == number, abs(number) < 1e15 else {
            let got = if case .number(let n) = value { "\(n)" } else { value.typeName }
            messages.append("args.\(field): must be an integer (got \(got))")
            return nil
        }
        let integer = Int(number)
        guard range.contains(integer) else {
            messages.append("args.\(field): must be between \(range.lowerBound) and \(range.upperBound) (got \(integer))")
            return nil
        }
        return integer
    }

    private mutating func boolean(_ args: [String: JSONValue], _ field: String) -> Bool? {
        guard let value = args[field], value != .null else { return nil }
        guard case .bool(let flag) = value else {
            messages.append("args.\(field): must be true or false (got \(value.typeName))")
            return nil
        }
        return flag
    }

    private mutating func checkSize(width: Int, height: Int) {
        let pixels = width * height
        let range = ArgumentRules.pixelRange
        if !range.contains(pixels) {
            messages.append("args.width×args.height: must be between 768×768 (\(range.lowerBound)) and 1280×1280 (\(range.upperBound)) pixels (got \(width)×\(height) = \(pixels))")
        }
        let ratio = ArgumentRules.maxAspectRatio
        if max(width, height) > ratio * min(width, height) {
            messages.append("args.width:args.height: aspect ratio must be within 1:\(ratio) and \(ratio):1 (got \(width):\(height))")
        }
    }

    private mutating func imageURLs(_ value: JSONValue?) -> [String]? {
        guard let value, value != .null else {
            messages.append("args.image_urls: is required (1 to 4 image URLs)")
            return nil
        }
        guard case .array(let items) = value else {
            messages.append("args.image_urls: must be an array of URL strings (got \(value.typeName))")
            return nil
        }
        let range = ArgumentRules.imageURLCountRange
        guard range.contains(items.count) else {
            messages.append("args.image_urls: must hold \(range.lowerBound) to \(range.upperBound) URLs (got \(items.count))")
            return nil
        }
        var urls: [String] = []
        for (index, item) in items.enumerated() {
            let field = "args.image_urls[\(index)]"
            guard case .string(let url) = item else {
                messages.append("\(field): must be a string (got \(item.typeName))")
                continue
            }
            if let problem = URLRules.imageProblem(url) {
                messages.append("\(field): \(problem)")
                continue
            }
            urls.append(url)
        }
        return urls.count == items.count ? urls : nil
    }

    private mutating func outputFormat(_ value: JSONValue?) -> OutputFormat? {
        guard let value, value != .null else { return nil }
        let names = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
        guard case .string(let name) = value, let format = OutputFormat(rawValue: name.lowercased()) else {
            let got = if case .string(let s) = value { "\"\(s)\"" } else { value.typeName }
            messages.append("args.output_format: must be one of \(names) (got \(got))")
            return nil
        }
        return format
    }

    /// Blank means nothing a reader could see: spaces, control characters (NUL …), format
    /// characters (U+200B zero width space …) and other default-ignorable code points.
    static func hasVisibleCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            let properties = scalar.properties
            switch properties.generalCategory {
            case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate:
                return false
            default:
                return !properties.isWhitespace && !properties.isDefaultIgnorableCodePoint
            }
        }
    }
}
