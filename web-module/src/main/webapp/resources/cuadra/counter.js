/*
 * Keyboard use of the counter: Enter in the item box adds the item (the highlighted suggestion when
 * the list is open, else what was typed or scanned), Enter in the customer box looks the typed DNI/RUC
 * up (and offers to create the customer when nobody holds it), Enter in the new-customer form creates
 * it, Enter anywhere else confirms the field and goes back to the item box; the form itself is never
 * submitted by Enter. Shortcuts (listed on the screen): F2 new sale, F4 customer, F8 pay, F9 register,
 * Alt+P print the ticket. F-keys a browser needs (F5 reload, F6 address bar, F11, F12) are left alone.
 */
var CuadraCounter = {
    byId: function (id) {
        return document.getElementById(id);
    },

    itemInput: function () {
        return CuadraCounter.byId('counter:item_input');
    },

    focusItem: function () {
        var input = CuadraCounter.itemInput();
        if (input) {
            input.value = '';
            var hidden = CuadraCounter.byId('counter:item_hinput');
            if (hidden) {
                hidden.value = '';
            }
            input.focus();
        }
    },

    /** Clicks a button of the page if it is there and enabled; false otherwise. */
    press: function (id) {
        var button = CuadraCounter.byId(id);
        if (!button || button.disabled) {
            return false;
        }
        button.click();
        return true;
    },

    /** The last payment's cash handed over (or its amount): where the cashier types next. */
    focusPayment: function () {
        var fields = document.querySelectorAll('#counter\\:payments input[id$=":tendered"], '
            + '#counter\\:payments input[id$=":amount"]');
        var rows = document.querySelectorAll('#counter\\:payments .cuadra-payment');
        if (rows.length === 0) {
            return;
        }
        var last = rows[rows.length - 1];
        var field = last.querySelector('input[id$=":tendered"]') || last.querySelector('input[id$=":amount"]');
        if (field || fields.length) {
            (field || fields[fields.length - 1]).focus();
            (field || fields[fields.length - 1]).select();
        }
    },

    /** After a customer search or creation: the form's first empty field, else back to the items. */
    afterCustomer: function () {
        var form = CuadraCounter.byId('counter:newCustomerForm');
        if (form) {
            var empty = Array.prototype.find.call(form.querySelectorAll('input:not([type=hidden])'), function (i) {
                return i.value === '';
            });
            (empty || form.querySelector('input:not([type=hidden])')).focus();
        } else {
            CuadraCounter.focusItem();
        }
    },

    /** The unpaid question waits for its answer; else the item box, ready for the next scan (Alt+P prints). */
    afterRegister: function () {
        if (CuadraCounter.byId('counter:registerUnpaid')) {
            CuadraCounter.byId('counter:registerUnpaid').focus();
        } else {
            CuadraCounter.focusItem();
        }
    },

    /**
     * Prints the 80 mm ticket with the browser: the PDF loads in a hidden frame of this page (the
     * server lets only this origin frame tickets) and the frame's print dialog opens once it has loaded.
     */
    print: function () {
        var button = CuadraCounter.byId('counter:print');
        if (!button) {
            return;
        }
        var url = button.getAttribute('data-ticket');
        var old = CuadraCounter.byId('cuadra-print-frame');
        if (old) {
            old.parentNode.removeChild(old);
        }
        var frame = document.createElement('iframe');
        frame.id = 'cuadra-print-frame';
        frame.className = 'cuadra-print-frame';
        frame.title = button.textContent;
        frame.addEventListener('load', function () {
            try {
                frame.contentWindow.focus();
                frame.contentWindow.print();
                frame.setAttribute('data-printed', 'true');
            } catch (e) {
                window.open(url, '_blank'); // a browser that cannot print a framed PDF shows it instead
            }
        });
        frame.src = url;
        document.body.appendChild(frame);
    },

    /** An autocomplete's pending search is dropped: its list must not open after Enter acted. */
    stopSearch: function (widgetVar) {
        var box = PF(widgetVar);
        if (box.timeout) {
            box.deleteTimeout();
        }
        box.requestId = (box.requestId || 0) + 1;
        return box;
    },

    /** Enter (or the keypad's) in the fields {@code selector} matches does {@code action}, never a submit. */
    onEnter: function (selector, action) {
        $(document).on('keydown', selector, function (e) {
            if (e.key === 'Enter' || e.key === 'NumpadEnter') {
                e.preventDefault();
                action(this);
            }
        });
    },

    shortcut: function (e) {
        if (e.key === 'F2') {
            return CuadraCounter.press('counter:nextSale') || CuadraCounter.press('counter:clear');
        }
        if (e.key === 'F4') {
            var customer = CuadraCounter.byId('counter:customer_input');
            customer.focus();
            customer.select();
            return true;
        }
        if (e.key === 'F8') {
            if (document.querySelectorAll('#counter\\:payments .cuadra-payment').length === 0) {
                return CuadraCounter.press('counter:addPayment');
            }
            CuadraCounter.focusPayment();
            return true;
        }
        if (e.key === 'F9') {
            if (document.activeElement && document.activeElement.blur) {
                document.activeElement.blur(); // the field being typed is priced before registering
            }
            return CuadraCounter.press('counter:registerUnpaid') || CuadraCounter.press('counter:register');
        }
        if (e.altKey && !e.ctrlKey && e.code === 'KeyP') {
            CuadraCounter.print();
            return true;
        }
        return false;
    },

    init: function () {
        $(document).on('keydown', function (e) {
            if (CuadraCounter.shortcut(e)) {
                e.preventDefault();
            }
        });
        $(document).on('click', '#counter\\:print', function (e) {
            e.preventDefault();
            CuadraCounter.print();
        });
        // With a list open PrimeFaces picks the highlighted suggestion and stops the event before these.
        CuadraCounter.onEnter('#counter\\:item_input', function (input) {
            var box = CuadraCounter.stopSearch('itemBox');
            // What was typed or scanned goes the way a picked suggestion goes (the box's itemSelect).
            if (input.value.trim() !== '') {
                box.hinput.val(input.value);
                box.invokeItemSelectBehavior(input.value);
            }
        });
        CuadraCounter.onEnter('#counter\\:customer_input', function (input) {
            CuadraCounter.stopSearch('customerBox').hide();
            if (input.value.trim() !== '') {
                CuadraCounter.press('counter:findCustomer');
            }
        });
        CuadraCounter.onEnter('#counter\\:newCustomerForm input', function () {
            CuadraCounter.press('counter:createCustomer');
        });
        CuadraCounter.onEnter('#counter input:not(#counter\\:item_input):not(#counter\\:customer_input)'
            + ':not(#counter\\:newCustomerForm input):not(#counter\\:receiptEmail), #counter select', function (field) {
            field.blur(); // fires change: the draft is priced again
            CuadraCounter.focusItem();
        });
        CuadraCounter.onEnter('#counter\\:receiptEmail', function () {
            CuadraCounter.press('counter:sendReceipt');
        });
        CuadraCounter.focusItem();
    }
};
$(CuadraCounter.init);
