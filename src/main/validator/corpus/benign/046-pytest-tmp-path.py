# expect: allowed testing
def write_report(path, lines):
    path.write_text("\n".join(lines))

def test_report(tmp_path):
    target = tmp_path / "report.txt"
    target.write_text("a\nb")
    assert target.read_text() == "a\nb"
