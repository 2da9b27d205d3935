namespace Saas.UiTests;
