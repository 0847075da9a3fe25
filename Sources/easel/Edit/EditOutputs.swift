import ArgumentParser
import EaselCore
import Foundation

/// Where `easel edit` writes its results and in which format: `-o OUT` (its extension picks
/// the format), else `PHOTO-edited.png` beside the first photo; `-1`, `-2` … before the
/// extension when there are several. Never the path of an input.
struct EditOutputs {
    let format: OutputFormat
    let files: [URL]

    init(output: String?, photos: [String], count: Int) throws {
        let base: URL
        if let output {
            base = URL(fileURLWithPath: output)
            format = try Self.format(of: base)
        } else {
            format = .png
            base = Self.defaultBase(for: photos[0]).appendingPathExtension(format.fileExtension)
        }
        files = count == 1 ? [base] : (1...count).map { index in
            let stem = base.deletingPathExtension().path + "-\(index)"
            return URL(fileURLWithPath: base.pathExtension.isEmpty ? stem : stem + "." + base.pathExtension)
        }
        let inputs = Set(photos.filter { !EditInput.isURL($0) }.map { Self.identity(URL(fileURLWithPath: $0)) })
        if let clash = files.first(where: { inputs.contains(Self.identity($0)) }) {
            throw ValidationError("\(clash.path) is one of the photos; easel edit never overwrites its inputs (choose another -o)")
        }
    }

    /// `cat.jpg` → `cat-edited`; an http(s) URL's last path component likewise, in the
    /// current folder (a `data:` URL has none: `image-edited`).
    private static func defaultBase(for photo: String) -> URL {
        if EditInput.isURL(photo) {
            let isData = photo.lowercased().hasPrefix("data:")
            let name = isData ? "" : URL(string: photo)?.deletingPathExtension().lastPathComponent ?? ""
            let stem = name.isEmpty || name == "/" ? "image" : name
            return URL(fileURLWithPath: stem + "-edited")
        }
        let file = URL(fileURLWithPath: photo).deletingPathExtension()
        return URL(fileURLWithPath: file.path + "-edited")
    }

    private static func format(of file: URL) throws -> OutputFormat {
        switch file.pathExtension.lowercased() {
        case "", "png": .png
        case "jpg", "jpeg": .jpeg
        case "webp": .webp
        case let other:
            throw ValidationError("-o: the extension picks the format: .png, .jpg, .jpeg or .webp (got .\(other))")
        }
    }

    /// The same file by any spelling: `./a.png`, `a.png`, a symbolic link to it.
    private static func identity(_ file: URL) -> String {
        file.standardizedFileURL.resolvingSymlinksInPath().path
    }
}
