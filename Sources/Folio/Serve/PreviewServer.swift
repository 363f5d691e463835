import Folio

/// `folio serve`: build, watch and serve the output with live reload (to be written).
public enum PreviewServer {}
