"""seo-lint: a content linter and SEO auditor for static-site posts."""

__version__ = "0.1.0"
