import FolioServe
import Testing
