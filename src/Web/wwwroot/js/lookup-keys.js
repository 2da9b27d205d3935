// Enter in a code field whose lookup list is open picks the highlighted choice (Interactive/CodeLookup.razor does
// that on the server); it must not also submit the form around it. Whether the list is open at the moment of the key
// press is known only here, so it is decided here and not with a fixed preventDefault.
document.addEventListener('keydown', (event) => {
    const target = event.target;
    if (event.key === 'Enter' && target instanceof HTMLInputElement
        && target.getAttribute('role') === 'combobox' && target.getAttribute('aria-expanded') === 'true') {
        event.preventDefault();
    }
}, true);
