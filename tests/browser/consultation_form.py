"""Filling in the consultation form the way a person does."""


def fill_proposal(form, text, name, email):
    """Fill in the consultation form as a citizen who agrees to the privacy notice."""
    form.get_by_label("Вашето предложение").fill(text)
    form.get_by_label("Име и фамилия").fill(name)
    form.get_by_label("Електронна поща").fill(email)
    form.get_by_label("Гражданин").check()
    form.get_by_label("Съгласен/на съм данните ми").check()
