import EaselPostgres
import Testing

/// `--database-url` is read strictly, and never shown with its password.
@Suite struct DatabaseURLTests {
    @Test func readsTheURLAndHidesThePassword() throws {
        let url = try DatabaseURL("postgres://easel:s%40cret@db.internal:6432/jobs?sslmode=require")
        #expect(url.configuration.host == "db.internal" && url.configuration.port == 6432)
        #expect(url.configuration.username == "easel" && url.configuration.password == "s@cret")
        #expect(url.configuration.database == "jobs")
        #expect(url.description == "postgres://easel:***@db.internal:6432/jobs?sslmode=require")
        #expect(try DatabaseURL("postgresql://easel@localhost/easel").configuration.port == 5432)
    }

    @Test(arguments: [
        ("mysql://root@db/x", "must be postgres://USER:PASSWORD@HOST:PORT/DATABASE"),
        ("postgres://db/x", "must name a user (postgres://USER@HOST/DATABASE)"),
        ("postgres://easel@db", "must name a database (…/DATABASE)"),
        ("postgres://easel@db/x?sslmode=verify-full", "sslmode must be disable, prefer or require (got \"verify-full\")"),
    ])
    func refusesWhatItCannotUse(text: String, message: String) {
        let error = #expect(throws: DatabaseURLError.self) { try DatabaseURL(text) }
        #expect(error?.description == message)
    }
}
