import FolioCheck
import Testing
