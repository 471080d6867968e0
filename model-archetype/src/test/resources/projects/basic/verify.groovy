// The generated project's mvn verify: the contract test ran and passed on the new model, the
// benchmark ran it on the smoke tier only, and the rows and the submission bundle were written.
def project = new File(basedir, 'project/density-mean')
def surefire = new File(project, 'target/surefire-reports/TEST-org.scalefreebench.bench.ModelContractTest.xml')
assert surefire.isFile() : "no contract test report: ${surefire}"
def suite = new groovy.xml.XmlSlurper().parse(surefire)
assert suite.@tests.toInteger() > 0 && suite.@failures.toInteger() == 0 && suite.@errors.toInteger() == 0
// One model found: every parameterized case is the first and only one ([1]), and it is density-mean
// (the rows below); a reference model on the class path would add [2], [3], ...
def cases = suite.testcase.collect { it.@name.text() }
assert cases.any { it.endsWith('[1]') } : "the contract test ran on no model: ${cases}"
assert cases.every { !(it ==~ /.*\[\d+\]/) || it.endsWith('[1]') } : "the contract test ran on more than one model: ${cases}"

def rows = new File(project, 'target/benchmark-results/runs')
def rowFiles = []
rows.eachFileRecurse { if (it.parentFile.name == 'rows' && it.name.endsWith('.json')) rowFiles << it }
assert !rowFiles.isEmpty() : "no rows under ${rows}"
rowFiles.each { f ->
    def row = new groovy.json.JsonSlurper().parse(f)
    assert row.model == 'density-mean' : "a row of another model: ${f}"
    assert row.tier == 'smoke' : "a row outside the smoke tier: ${f}"
    assert row.status == 'ok' : "a failed row: ${f}"
}

def bundle = new File(project, 'target/submission/smoke/density-mean')
def submission = new groovy.json.JsonSlurper().parse(new File(bundle, 'submission.json'))
assert submission.modelId == 'density-mean'
assert submission.tier == 'smoke'
assert submission.seeds == [1, 2, 3]
assert submission.parameterCount == 2
assert submission.suiteVersion == '0.1.0-SNAPSHOT'
assert submission.suiteRevision ==~ /[0-9a-f]{40}/
assert !submission.hardware.isEmpty()
assert !submission.datasetSha256.isEmpty()
assert new File(bundle, 'rows').isDirectory()
assert new File(bundle, 'predictions').isDirectory()
return true
