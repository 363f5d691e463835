import FolioCore

/// Everything the Site stage can say is wrong with a project or its output folder.
public enum SiteIssue: DiagnosticReason, Equatable {
    case missingFolder(String)
    case unreadable(String)
    case linkToMissingArticle(String)
    case linkToDraft(String)
    case linkToMissingRowPage(String)
    case linkLeavesContent(String)
    case unsafeURLScheme(String)
    case navUnknownArticle(String)
    case outputIsInput(String)
    case outputNotOurs
    case outputNotFolder
    case writeFailed(String)
    case symlinkLeavesProject(String)
    case outputNameClash(String, String)
    case reservedOutputName(String)
    case outputNameTooLong(String)
    case nameBreaksLinks(String, character: Character)
    case indexMissing
    case languageIndexMissing(String)
    case inputTooLarge(bytes: Int, limit: Int)
    case changedDuringBuild

    public var message: String {
        switch self {
        case .missingFolder(let path): "folder '\(path)' does not exist; expected a folio project folder (see `folio new`)"
        case .unreadable(let reason): "cannot read: \(reason); expected a readable file"
        case .linkToMissingArticle(let target):
            "link to '\(target)', which is not an article; expected the path of a .md file in Content/"
        case .linkToMissingRowPage(let target):
            "link to '\(target)', a page no row of its template's data makes; expected a value that names one of its pages"
        case .linkToDraft(let target):
            "link to the draft '\(target)'; expected a published article (or build with --drafts)"
        case .linkLeavesContent(let target): "link to '\(target)' leaves Content/; expected an article inside Content/"
        case .unsafeURLScheme(let url):
            "link to '\(url)' uses a scheme folio does not allow; expected http, https, mailto or a relative link"
        case .navUnknownArticle(let path): "nav names '\(path)', which is not an article; expected the path of a .md file in Content/"
        case .outputIsInput(let what):
            "the output folder \(what); expected a separate folder (folio replaces the output folder on every build)"
        case .outputNotOurs:
            "the output folder is not empty and was not made by folio; expected an empty or folio-built folder (folio would delete its files)"
        case .outputNotFolder: "the output path is a file; expected a folder"
        case .writeFailed(let reason): "could not write the site: \(reason); the previous output is unchanged"
        case .symlinkLeavesProject(let target): "symbolic link to '\(target)' leaves the project; expected files inside it"
        case .outputNameClash(let other, let output):
            "builds '\(output)', as \(other == "folio" ? "folio itself" : "'\(other)'") does once case and Unicode form are ignored; expected distinct names"
        case .reservedOutputName(let name): "'\(name)' is a reserved file name on some systems; expected another name"
        case .outputNameTooLong(let name): "the output name '\(name)' is longer than 255 bytes; expected a shorter file name"
        case .nameBreaksLinks(let name, let character):
            "the name '\(name)' holds '\(character)', which breaks every link to it; expected a name without '#', '?' or '%'"
        case .indexMissing: "no index.md; expected Content/index.md, the landing page"
        case .languageIndexMissing(let code):
            "no home page in '\(code)', a language of site.yml's 'languages:'; expected Content/index.\(code).md (pages without a version in '\(code)' link to it)"
        case .inputTooLarge(let bytes, let limit):
            "file is \(bytes) bytes; expected at most \(limit) bytes for a dataset or article (split it, or aggregate the data first)"
        case .changedDuringBuild: "the file changed while folio was building; expected it to stay put until the build ends (build again)"
        }
    }
}
