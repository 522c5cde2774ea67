"""The rows page 'claims' picks by id: check-data names any a data folder lacks, and this page."""

NEEDED = {
    "japan_import_sales_by_brand": {"brand_id": ("mercedes_benz",)},
}
