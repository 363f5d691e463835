import FolioCore

/// Everything the Content stage can say is wrong with an article or `site.yml`.
public enum ContentIssue: DiagnosticReason, Equatable {
    case missingFrontMatter
    case unclosedFrontMatter
    case frontMatterNotMapping(found: String)
    case missingTitle
    case wrongType(key: String, expected: String)
    case invalidDate(key: String, value: String)
    case invalidSource(String)
    case siteConfigNotMapping(found: String)
    case missingSiteConfig

    public var message: String {
        switch self {
        case .missingFrontMatter:
            "article has no front matter; expected '---' on the first line, then at least 'title: ...', then '---'"
        case .unclosedFrontMatter:
            "front matter is not closed; expected a line '---' after it"
        case .frontMatterNotMapping(let found):
            "front matter is \(found); expected 'key: value' lines"
        case .missingTitle:
            "front matter has no 'title'; expected 'title: ...'"
        case .wrongType(let key, let expected):
            "'\(key)' has the wrong type; expected \(expected)"
        case .invalidDate(let key, let value):
            "'\(key)' is '\(value)'; expected an ISO date like 2025-03-28"
        case .invalidSource(let problem):
            "source \(problem); expected {title, url, date}"
        case .siteConfigNotMapping(let found):
            "site.yml is \(found); expected 'key: value' lines"
        case .missingSiteConfig:
            "no site.yml; expected Content/site.yml with at least 'title: ...'"
        }
    }
}
