import FolioCore

/// Everything the Content stage can say is wrong with an article or `site.yml`, beyond what
/// `YAMLFields` says about their keys.
public enum ContentIssue: DiagnosticReason, Equatable {
    case missingFrontMatter
    case unclosedFrontMatter
    case invalidDate(key: String, value: String)
    case missingSiteConfig
    case emptyTitle
    case badBaseURL(String)
    case badLanguageCode(String)
    case mainLanguageInLanguages(String)

    public var message: String {
        switch self {
        case .missingFrontMatter:
            "article has no front matter; expected '---' on the first line, then at least 'title: ...', then '---'"
        case .unclosedFrontMatter:
            "front matter is not closed; expected a line '---' after it"
        case .invalidDate(let key, let value):
            "'\(key)' is '\(value)'; expected an ISO date like 2025-03-28"
        case .missingSiteConfig:
            "no site.yml; expected Content/site.yml with at least 'title: ...'"
        case .emptyTitle: "the title is empty; expected the page's title (it names the page in the menu, the tab and feeds)"
        case .badLanguageCode(let code):
            "'\(code)' is not a language code; expected one like zh, zh-Hans or pt-BR (letters and digits in parts joined by '-')"
        case .mainLanguageInLanguages(let code):
            "'\(code)' is the site's main language ('language:'); 'languages:' lists only the others"
        case .badBaseURL(let url):
            "base_url '\(url)' is not an absolute http(s) address; expected one like https://example.org/reports"
        }
    }
}
