extension StringProtocol {
    func trimmingASCIIWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let view = Substring(self)
        guard let first = view.firstIndex(where: { !isSpace($0) }),
              let last = view.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return view[first...last]
    }
}
