// Passkeys (WebAuthn) on the account pages, ADR 014. A form marked data-passkey="create" or "get" with
// data-passkey-options="<url>" has a button[data-passkey-button]: a click posts the form's antiforgery token to the
// options URL, asks the browser for a new or an existing passkey, puts the credential (as JSON) into the form's
// hidden "credential" field and submits the form. Kept in a file: the content security policy allows no inline script.
document.addEventListener('click', async (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-passkey-button]') : null;
    const form = button?.form;
    if (!form || !form.dataset.passkey) {
        return;
    }

    event.preventDefault();
    const status = form.querySelector('[data-passkey-status]');
    const say = (text) => { if (status) { status.textContent = text; } };
    if (!window.PublicKeyCredential || typeof PublicKeyCredential.parseCreationOptionsFromJSON !== 'function') {
        say('This browser cannot use passkeys. Use your password instead.');
        return;
    }

    button.disabled = true;
    say('');
    try {
        const body = new FormData();
        const token = form.querySelector('input[name="__RequestVerificationToken"]');
        if (token) {
            body.append(token.name, token.value);
        }

        const response = await fetch(form.dataset.passkeyOptions, { method: 'POST', body, credentials: 'same-origin' });
        if (!response.ok) {
            throw new Error(response.status === 429 ? 'Too many attempts. Wait a minute, then try again.' : 'The server did not answer (' + response.status + ').');
        }

        const options = await response.json();
        const credential = form.dataset.passkey === 'create'
            ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
            : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        form.elements.namedItem('credential').value = JSON.stringify(credential);
        form.submit();
    } catch (error) {
        say(error?.name === 'NotAllowedError'
            ? 'The passkey request was cancelled or timed out.'
            : error?.name === 'InvalidStateError'
                ? 'This device already holds a passkey for your account.'
                : 'The passkey did not work: ' + (error?.message ?? error));
        button.disabled = false;
    }
});
