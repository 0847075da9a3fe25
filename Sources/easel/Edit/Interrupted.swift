/// `easel edit` stopped by Ctrl-C after tidying up: exits 130, as a shell reports a command
/// ended by SIGINT.
struct Interrupted: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
