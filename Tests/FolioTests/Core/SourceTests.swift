import FolioCore
import Testing

@Suite struct SourceTests {
    @Test func textPutsTheDateInParenthesesUnlessItHasItsOwn() {
        #expect(Source(title: "S-1").text == "S-1")
        #expect(Source(title: "S-1", date: "2025-03-03").text == "S-1 (2025-03-03)")
        #expect(Source(title: "10-K", date: "2025-08 (figures as of 2024-12-31)").text == "10-K, 2025-08 (figures as of 2024-12-31)")
    }

    @Test func onlySafeURLsAreLinks() {
        #expect(Source(title: "S", url: "https://sec.gov").link == "https://sec.gov")
        #expect(Source(title: "S", url: "javascript:alert(1)").link == nil)
        #expect(Source(title: "S").link == nil)
    }
}
