// A <select data-submit-on-change> submits its form as soon as the choice changes (the company switcher).
// Kept in a file rather than an inline onchange handler: the content security policy allows no inline script.
// Without scripts the form's own button still submits.
document.addEventListener('change', (event) => {
    const target = event.target;
    if (target instanceof HTMLSelectElement && target.hasAttribute('data-submit-on-change') && target.form) {
        target.form.requestSubmit();
    }
});
