"""Our templates' compiled code is kept between build processes, never stale."""

from __future__ import annotations

from jinja2 import DictLoader, Environment, FileSystemBytecodeCache
from thidua_mkdocs import render


def test_the_templates_environment_keeps_compiled_code():
    assert isinstance(render._environment().bytecode_cache, FileSystemBytecodeCache)


def test_an_edited_template_is_compiled_again(tmp_path):
    def rendered(source: str) -> str:
        # A new environment stands for a new build process; the folder is the kept code.
        environment = Environment(
            loader=DictLoader({"page.html.j2": source}),
            bytecode_cache=FileSystemBytecodeCache(str(tmp_path)),
        )
        return environment.get_template("page.html.j2").render(name="x")

    assert rendered("before {{ name }}") == "before x"
    assert any(tmp_path.iterdir())  # the compiled code was written
    assert rendered("before {{ name }}") == "before x"  # and read back
    assert rendered("after {{ name }}") == "after x"
