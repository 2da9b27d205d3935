// A table wider than its panel scrolls inside the panel (css/layout.css). A keyboard can scroll it only if the
// panel can take the focus, so a panel that actually scrolls gets tabindex=0 and the table's name; one that fits
// does not become an extra tab stop. Checked on load and when the window changes size.
(() => {
    const mark = () => {
        for (const table of document.querySelectorAll('table.list')) {
            const region = table.parentElement;
            if (!region) continue;
            if (region.scrollWidth > region.clientWidth) {
                region.setAttribute('tabindex', '0');
                region.setAttribute('role', 'region');
                region.setAttribute('aria-label', table.getAttribute('aria-label') || 'Table, scrolls sideways');
            } else if (region.getAttribute('role') === 'region' && region.getAttribute('tabindex') === '0') {
                region.removeAttribute('tabindex');
                region.removeAttribute('role');
                region.removeAttribute('aria-label');
            }
        }
    };
    document.addEventListener('DOMContentLoaded', mark);
    window.addEventListener('resize', mark);
})();
