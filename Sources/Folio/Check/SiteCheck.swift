import FolioCore

/// `folio check`: verifies a built site without network access (to be written).
public enum SiteCheck {}
