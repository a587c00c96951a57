from seo_lint.cli import main

main()
