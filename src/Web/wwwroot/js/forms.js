// Forms and document lines: what only the browser can decide.
//
// - A form that comes back with errors shows all of them at once; the focus goes to the first field in error
//   (aria-invalid), so a keyboard user starts where the work is. Interactive islands call focusFirstError again
//   once they are up, because Blazor replaces their prerendered fields (and with them the focus).
// - In a document's lines grid (table.lines-grid) Enter moves to the next field, as in Business Central, instead of
//   submitting the form; the arrow keys move up and down a column; Ctrl+Insert, Ctrl+Delete and Ctrl+Alt+N run the
//   grid's Insert Line, Delete Line and New Line buttons.
// - An interactive island is first rendered on the server as plain inputs (data-prerendered) and becomes interactive
//   when its circuit is up; Blazor then replaces those inputs. What a quick user typed meanwhile, and where the focus
//   was, are kept here by the input's form name and handed to the component, which asks once (saasIslands.resume).
const typedBeforeInteractive = new Map();
let focusedBeforeInteractive = null;
const prerendered = (target) => target instanceof HTMLInputElement && target.hasAttribute('data-prerendered') && target.name;

document.addEventListener('input', (event) => {
    if (prerendered(event.target)) {
        typedBeforeInteractive.set(event.target.name, event.target.value);
    }
}, true);

// The prerendered input that has the focus: its caret or selection moves to the replacement with the focus.
let focusedElement = null;
let handingOver = false;

document.addEventListener('focusin', (event) => {
    if (handingOver) {
        return;
    }

    focusedBeforeInteractive = prerendered(event.target) ? event.target.name : null;
    focusedElement = focusedBeforeInteractive ? event.target : null;
}, true);

// Blazor replaces the prerendered inputs in one go; the replacements get what was typed at once (a mutation
// observer runs before the next click or key), so a Save pressed in that instant posts it too. The component
// still takes the values over (resume) so that its own state agrees with what is shown.
new MutationObserver((records) => {
    if (typedBeforeInteractive.size === 0 && !focusedBeforeInteractive) {
        return;
    }

    for (const record of records) {
        for (const node of record.addedNodes) {
            if (!(node instanceof Element)) {
                continue;
            }

            const inputs = node.matches('input[name]') ? [node] : node.querySelectorAll('input[name]');
            for (const input of inputs) {
                if (input.hasAttribute('data-prerendered')) {
                    continue;
                }

                if (typedBeforeInteractive.has(input.name)) {
                    input.value = typedBeforeInteractive.get(input.name);
                }

                if (focusedBeforeInteractive === input.name) {
                    // Keep the caret or selection too: text selected to be typed over (select all, then type) must
                    // be typed over in the replacement, not have the keys inserted in front of it.
                    handingOver = true;
                    try {
                        input.focus();
                    } finally {
                        handingOver = false;
                    }

                    if (focusedElement && focusedElement.name === input.name && focusedElement.selectionStart !== null) {
                        input.setSelectionRange(focusedElement.selectionStart, focusedElement.selectionEnd, focusedElement.selectionDirection);
                    }
                }
            }
        }
    }
}).observe(document.documentElement, { subtree: true, childList: true });

window.saasIslands = {
    // The values typed into the named inputs before the island was interactive, and the name that had the focus.
    resume(names) {
        const values = {};
        for (const name of names) {
            if (typedBeforeInteractive.has(name)) {
                // The replacement input already shows what was kept (the observer above) plus whatever was typed into
                // it since, whose input events may have reached the component before this call: its value is the
                // newest truth; the kept value would take those keystrokes back.
                const input = document.querySelector(`input[name="${CSS.escape(name)}"]:not([data-prerendered])`);
                values[name] = input ? input.value : typedBeforeInteractive.get(name);
                typedBeforeInteractive.delete(name);
            }
        }

        // Only a field that still has the focus counts: the person (or a script) may have moved on to the next one.
        const active = document.activeElement;
        const focused = names.includes(focusedBeforeInteractive)
            && (active === null || active === document.body || (active instanceof HTMLInputElement && active.name === focusedBeforeInteractive))
            ? focusedBeforeInteractive
            : null;
        if (names.includes(focusedBeforeInteractive)) {
            focusedBeforeInteractive = null;
            focusedElement = null;
        }

        return { values, focused };
    },
    // Gives the focus back to an island's input that lost it when it was replaced, never takes it from another field.
    focus(name) {
        const input = document.querySelector(`input[name="${CSS.escape(name)}"]`);
        const active = document.activeElement;
        if (input && (active === null || active === document.body)) {
            input.focus();
            input.setSelectionRange(input.value.length, input.value.length);
        }
    },
};
window.saasDocument = {
    focus(id) {
        const element = document.getElementById(id);
        if (element) {
            element.focus();
        }
    },
    focusFirstError() {
        const active = document.activeElement;
        if (active && active !== document.body) {
            return;
        }

        const first = document.querySelector('[aria-invalid="true"]');
        if (first instanceof HTMLElement) {
            first.focus();
        }
    },
};

document.addEventListener('DOMContentLoaded', () => window.saasDocument.focusFirstError());

const gridInputs = (grid) => Array.from(grid.querySelectorAll('tbody input:not([type="hidden"]):not([readonly])'));

const move = (input, rowStep) => {
    const row = input.closest('tr');
    const column = input.getAttribute('data-col');
    let next = rowStep > 0 ? row.nextElementSibling : row.previousElementSibling;
    while (next) {
        const target = next.querySelector(`input[data-col="${column}"]:not([readonly])`);
        if (target) {
            target.focus();
            target.select();
            return;
        }

        next = rowStep > 0 ? next.nextElementSibling : next.previousElementSibling;
    }
};

document.addEventListener('keydown', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement)) {
        return;
    }

    const grid = input.closest('table.lines-grid');
    if (!grid) {
        return;
    }

    const expanded = input.getAttribute('aria-expanded') === 'true';
    const click = (action) => {
        event.preventDefault();
        grid.closest('.document-lines')?.querySelector(`[data-line-action="${action}"]`)?.click();
    };

    if (event.ctrlKey && event.key === 'Insert') {
        click('insert');
    } else if (event.ctrlKey && event.key === 'Delete') {
        click('delete');
    } else if (event.ctrlKey && event.altKey && (event.key === 'n' || event.key === 'N')) {
        click('new');
    } else if (event.key === 'Enter' && !expanded) {
        event.preventDefault();
        const inputs = gridInputs(grid);
        const next = inputs[inputs.indexOf(input) + (event.shiftKey ? -1 : 1)];
        next?.focus();
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && input.hasAttribute('data-col')) {
        event.preventDefault();
        move(input, event.key === 'ArrowDown' ? 1 : -1);
    }
});
