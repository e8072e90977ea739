/*
 * Keyboard use of the counter: Enter in the item box adds the item (the highlighted suggestion when
 * the list is open, else what was typed or scanned), Enter anywhere else confirms the field and goes
 * back to the item box; the form itself is never submitted by Enter.
 */
var CuadraCounter = {
    itemInput: function () {
        return document.getElementById('counter:item_input');
    },

    focusItem: function () {
        var input = CuadraCounter.itemInput();
        if (input) {
            input.value = '';
            var hidden = document.getElementById('counter:item_hinput');
            if (hidden) {
                hidden.value = '';
            }
            input.focus();
        }
    },

    init: function () {
        $(document).on('keydown', '#counter\\:item_input', function (e) {
            if (e.key !== 'Enter' && e.key !== 'NumpadEnter') {
                return;
            }
            // With the list open PrimeFaces selects the highlighted item and stops the event before here.
            e.preventDefault();
            var box = PF('itemBox');
            if (box.timeout) {
                box.deleteTimeout();
            }
            // A search still on its way must not open its list after the item is added.
            box.requestId = (box.requestId || 0) + 1;
            // What was typed or scanned goes the way a picked suggestion goes (the box's itemSelect).
            if (this.value.trim() !== '') {
                box.hinput.val(this.value);
                box.invokeItemSelectBehavior(this.value);
            }
        });
        $(document).on('keydown', '#counter input:not(#counter\\:item_input), #counter select', function (e) {
            if (e.key === 'Enter' || e.key === 'NumpadEnter') {
                e.preventDefault();
                this.blur(); // fires change: the draft is priced again
                CuadraCounter.focusItem();
            }
        });
        CuadraCounter.focusItem();
    }
};
$(CuadraCounter.init);
