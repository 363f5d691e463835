/// How one build runs.
public struct BuildOptions: Sendable {
    /// Build draft articles too.
    public var drafts = false
    /// Overrides `base_url` from site.yml.
    public var baseURL: String?
    /// Pages rendered at once; nil uses every core.
    public var jobs: Int?
    /// `SOURCE_DATE_EPOCH`, for the feed's date when no article has one.
    public var sourceDateEpoch: Int?
    /// Test-only fault injection in the output writer.
    public var faultPlan: FaultPlan?
    /// Set by a command that exits right after the build: the build's records are left for the
    /// process's exit to free at once (freeing 100,000 pages' records one by one takes a third of a second).
    public var exitsAfterBuild = false
    /// Also writes the report as one PDF per language (`--pdf`, or `pdf: true` in site.yml).
    public var pdf = false
    /// From how many input files a first build links its pages into the twin (`OutputWriter.twinnedFiles`; tests lower it).
    public var twinnedFiles = OutputWriter.twinnedFiles

    public init(drafts: Bool = false, baseURL: String? = nil, jobs: Int? = nil, sourceDateEpoch: Int? = nil, faultPlan: FaultPlan? = nil) {
        self.drafts = drafts
        self.baseURL = baseURL
        self.jobs = jobs
        self.sourceDateEpoch = sourceDateEpoch
        self.faultPlan = faultPlan
    }
}

/// What a build made, for the summary line.
public struct BuildSummary: Sendable, Equatable {
    public var pages: Int
    public var charts: Int
    public var tables: Int
    public var files: Int
    /// The claims checked, every one of which held (one that did not stops the build).
    public var claims: Int = 0
    /// The derived datasets whose queries ran; the others were reused from the previous build.
    public var queriesRun: [String] = []
    /// The articles rendered this time; the others were reused from the previous build.
    public var rendered: [String] = []
    /// How many article files were read and parsed this time; the others were known from the last
    /// build's record, their `stat` unchanged.
    public var articlesRead = 0
    /// How many pages this build checked against the last build's records: every page, or, after
    /// edits to article bodies alone, only the edited ones.
    public var pagesExamined = 0
    /// The change report: pages added or removed, and numbers that changed.
    public var changes: [String] = []
    /// Problems that did not stop the build (the site was written), one sentence each, for standard error.
    public var warnings: [String] = []
}
