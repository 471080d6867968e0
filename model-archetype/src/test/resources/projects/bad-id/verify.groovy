// A model id that breaks the rule: the contract test fails and its report names the id and the rule.
def reports = new File(basedir, 'project/bad-id/target/surefire-reports')
def report = new File(reports, 'org.scalefreebench.bench.ModelContractTest.txt')
assert report.isFile() : "no contract test report: ${report}"
def text = report.text
assert text =~ /Tests run: \d+, Failures: [1-9]/ : "the contract test did not fail:\n${text}"
assert text.contains("has id 'Bad_Id'") : "the failure does not name the id:\n${text}"
assert text.contains('ids are lower-case letters and digits in dash-separated words') : "the failure does not state the rule:\n${text}"
return true
