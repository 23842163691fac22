import MemReportCore
/// What every page's `head` and `foot` partials show: the title, the version, the inlined
/// stylesheet and script, and the inputs named in the footer.
struct PageChrome {
  var title: String
  var version = HTMLTemplates.version
  var css: String
  var js: String
  var inputs: [String]

  init(title: String, inputs: [String], templates: HTMLTemplates) {
    self.title = DisplayText.clean(title)
    css = templates.css
    js = templates.script
    self.inputs = inputs.map(DisplayText.clean)
  }
}
