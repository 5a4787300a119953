/* A solution's title names its exercise with a link (sphinx-exercise), and sphinx-togglebutton
   opens a solution on a click anywhere in its title: a click on that link would do both, and
   togglebutton fails on it with an error. So the link only goes to the exercise; the rest of the
   title, and its button, open and close the solution. */
document.addEventListener("click", (event) => {
  if (event.target.closest("div.solution > .admonition-title a")) {
    event.stopPropagation();
  }
}, true);
