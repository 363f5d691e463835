import FolioCore
import FolioMarkdown
import Synchronization

/// The Markdown skeletons of a build's template pages, one per template: its first page renders
/// in full and cuts it; every later page fills it (`MarkdownSkeleton`).
final class BodySkeletons: Sendable {
    struct Key: Hashable, Sendable {
        /// The template's file, and the lines of front matter before its Markdown.
        var template: String
        var lineOffset: Int
    }

    private enum Entry: Sendable {
        case skeleton(MarkdownSkeleton)
        case rendered
    }

    private let entries = Mutex<[Key: Entry]>([:])

    func skeleton(for key: Key) -> MarkdownSkeleton? {
        if case .skeleton(let skeleton)? = entries.withLock({ $0[key] }) { skeleton } else { nil }
    }

    /// Keeps what `make` cuts for `key`, unless the template has an entry; a template whose
    /// render cannot be cut (or fails to) renders every page.
    func learn(_ key: Key, _ make: () throws(Diagnostics) -> MarkdownSkeleton?) {
        guard entries.withLock({ $0[key] == nil }) else { return }
        let made = (try? make()) ?? nil
        entries.withLock { $0[key] = made.map(Entry.skeleton) ?? .rendered }
    }
}
